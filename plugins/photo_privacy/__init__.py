"""Photo privacy: images written to the output lose their metadata; the originals are untouched."""

from .photo_privacy import clean_image, clean_output, register

__all__ = ["clean_image", "clean_output", "register"]
