package io.intime.workflows.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.intime.workflows.ClientParticipation;

import org.springframework.web.multipart.MultipartFile;

/** The files of a multipart form, as the workflows take them. */
final class Uploads {

	private Uploads() {
	}

	static List<ClientParticipation.Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty()).map(f -> {
			try {
				return new ClientParticipation.Upload(f.getOriginalFilename(), f.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

}
