class ExportError(ValueError):
    """An export cannot be written (unknown format, invalid STIX bundle); the message says why."""
