package io.intime.qbr.deck;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * An organization's template as PowerPoint would save one: a master with a pale teal
 * background, a teal first accent and a logo picture, and an example slide that the deck
 * must not keep.
 */
public final class TemplateFixture {

	static final Color BACKGROUND = new Color(0xE0, 0xF2, 0xF1);

	static final String ACCENT = "0F766E";

	static final String EXAMPLE_SLIDE_TITLE = "Welcome to our template";

	private TemplateFixture() {
	}

	public static byte[] template() {
		try (XMLSlideShow ppt = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ppt.setPageSize(new Dimension(960, 540));
			XSLFSlideMaster master = ppt.getSlideMasters().get(0);
			master.getBackground().setFillColor(BACKGROUND);
			master.getTheme()
				.getXmlObject()
				.getThemeElements()
				.getClrScheme()
				.getAccent1()
				.getSrgbClr()
				.setVal(new byte[] { 0x0F, 0x76, 0x6E });
			XSLFPictureData logo = ppt.addPicture(logo(), PictureData.PictureType.PNG);
			XSLFPictureShape picture = master.createPicture(logo);
			picture.setAnchor(new Rectangle2D.Double(836, 496, 96, 30));
			XSLFSlide example = ppt.createSlide(master.getLayout(SlideLayout.TITLE));
			example.getPlaceholder(0).setText(EXAMPLE_SLIDE_TITLE);
			ppt.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A 192 × 60 logo: a teal band with the firm's name. */
	static byte[] logo() {
		BufferedImage image = new BufferedImage(192, 60, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0x0F, 0x76, 0x6E));
		g.fillRoundRect(0, 0, 192, 60, 16, 16);
		g.setColor(Color.WHITE);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
		g.drawString("InTime", 44, 41);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A Word document, to be renamed to .pptx. */
	public static byte[] wordDocument() {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("Quarterly report");
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
