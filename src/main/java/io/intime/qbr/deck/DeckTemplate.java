package io.intime.qbr.deck;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.Locale;

import io.intime.qbr.deck.Scene.Palette;
import io.intime.shared.InvalidInputException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTheme;
import org.openxmlformats.schemas.drawingml.x2006.main.CTColor;

/**
 * An organization's PowerPoint template: what is accepted as one, and the colours a deck
 * takes from it.
 */
public final class DeckTemplate {

	/** The largest template accepted. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final String FIELD = "template";

	private DeckTemplate() {
	}

	/**
	 * Accepts a PowerPoint presentation (.pptx, with or without slides) and refuses
	 * anything else with a message that says what the file is instead.
	 * @param fileName the uploaded file's name, or null
	 * @throws InvalidInputException on the field "template"
	 */
	public static void check(byte[] file, String fileName) {
		String name = fileName == null || fileName.isBlank() ? "the file" : fileName.strip();
		if (file == null || file.length == 0) {
			throw refused(name + " is empty; choose a PowerPoint file (.pptx)");
		}
		if (file.length > MAX_BYTES) {
			throw refused(name + " is " + (file.length / (1024 * 1024)) + " MB; a template can be at most 20 MB");
		}
		String extension = extension(name);
		if (!extension.equals("pptx")) {
			throw refused("must be a PowerPoint file (.pptx); " + name + " is " + kind(extension));
		}
		if (isOle2(file)) {
			throw refused("must be a PowerPoint file (.pptx); " + name
					+ " is an Office 97–2003 file renamed to .pptx; open it in PowerPoint and save it as .pptx");
		}
		if (!isZip(file)) {
			throw refused("must be a PowerPoint file (.pptx); " + name + " is not a PowerPoint presentation");
		}
		String contentType = mainContentType(file, name);
		if (contentType.contains("wordprocessingml")) {
			throw refused("must be a PowerPoint file (.pptx); " + name + " is a Word document renamed to .pptx");
		}
		if (contentType.contains("spreadsheetml")) {
			throw refused("must be a PowerPoint file (.pptx); " + name + " is an Excel workbook renamed to .pptx");
		}
		if (contentType.contains("presentationml.template")) {
			throw refused("must be a PowerPoint file (.pptx); " + name
					+ " is a PowerPoint template (.potx) renamed to .pptx; open it and save it as a presentation");
		}
		if (!contentType.contains("presentationml")) {
			throw refused("must be a PowerPoint file (.pptx); " + name + " is not a PowerPoint presentation");
		}
		try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(file))) {
			if (show.getSlideMasters().isEmpty()) {
				throw refused(name + " has no slide master to build the deck on");
			}
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (Exception | LinkageError e) {
			throw refused(
					name + " could not be read as a PowerPoint presentation; open it in PowerPoint and save it again");
		}
	}

	private static String mainContentType(byte[] file, String name) {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
			try {
				var parts = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
				if (parts.isEmpty()) {
					throw refused("must be a PowerPoint file (.pptx); " + name + " is not a PowerPoint presentation");
				}
				PackagePart main = parts.get(0);
				return main.getContentType();
			}
			finally {
				pkg.revert();
			}
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (Exception e) {
			throw refused("must be a PowerPoint file (.pptx); " + name + " could not be read as one");
		}
	}

	private static boolean isZip(byte[] file) {
		return file.length > 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
	}

	private static boolean isOle2(byte[] file) {
		return file.length > 8 && (file[0] & 0xff) == 0xD0 && (file[1] & 0xff) == 0xCF && (file[2] & 0xff) == 0x11
				&& (file[3] & 0xff) == 0xE0;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String kind(String extension) {
		return switch (extension) {
			case "docx", "doc", "docm", "odt", "rtf" -> "a Word document";
			case "xlsx", "xls", "xlsm", "ods" -> "a spreadsheet";
			case "csv" -> "a CSV file";
			case "ppt" -> "an old PowerPoint 97–2003 file; open it in PowerPoint and save it as .pptx";
			case "potx", "pptm", "ppsx" ->
				"a PowerPoint ." + extension + " file; open it and save it as a .pptx presentation";
			case "key" -> "a Keynote file; export it to PowerPoint (.pptx)";
			case "odp" -> "an OpenDocument presentation; save it as PowerPoint (.pptx)";
			case "pdf" -> "a PDF";
			case "png", "jpg", "jpeg", "gif", "svg", "webp" -> "an image";
			case "txt", "md" -> "a text file";
			case "zip" -> "a zip archive";
			case "" -> "a file without an extension";
			default -> "a ." + extension + " file";
		};
	}

	private static InvalidInputException refused(String message) {
		return new InvalidInputException(FIELD, message);
	}

	/**
	 * The colours of a deck on this master: its theme's first accent (darkened when too
	 * light for white text on it) and, on a dark background, light text.
	 */
	static Palette palette(XSLFSlideMaster master) {
		Palette built = Palette.BUILT_IN;
		Color accent = themeColour(master.getTheme(), "accent1");
		String accentHex = built.accent();
		String accentDark = built.accentDark();
		String accentSoft = built.accentSoft();
		if (accent != null) {
			while (luminance(accent) > 0.45) {
				accent = mix(accent, Color.BLACK, 0.2);
			}
			accentHex = hex(accent);
			accentDark = hex(mix(accent, Color.BLACK, 0.35));
			accentSoft = hex(mix(accent, Color.WHITE, 0.9));
		}
		Color background = backgroundColour(master);
		boolean dark = background != null && luminance(background) < 0.4;
		return new Palette(accentHex, accentDark, accentSoft, built.ink(), built.inkMuted(), built.line(),
				built.panel(), dark ? "#F8FAFC" : built.onBackground(), dark ? "#CBD5E1" : built.mutedOnBackground());
	}

	private static Color backgroundColour(XSLFSlideMaster master) {
		try {
			return master.getBackground() == null ? null : master.getBackground().getFillColor();
		}
		catch (RuntimeException e) {
			// a picture or gradient background has no single colour; the default text
			// suits most
			return null;
		}
	}

	private static Color themeColour(XSLFTheme theme, String name) {
		if (theme == null) {
			return null;
		}
		CTColor colour = theme.getCTColor(name);
		if (colour == null) {
			return null;
		}
		byte[] rgb = colour.isSetSrgbClr() ? colour.getSrgbClr().getVal()
				: colour.isSetSysClr() ? colour.getSysClr().getLastClr() : null;
		return rgb == null || rgb.length < 3 ? null : new Color(rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
	}

	static double luminance(Color c) {
		return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
	}

	private static Color mix(Color a, Color b, double t) {
		return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
				(int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
				(int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
	}

	private static String hex(Color c) {
		return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
	}

}
