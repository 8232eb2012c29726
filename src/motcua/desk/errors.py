class DeskError(Exception):
    """A refused desk action; the message is Vietnamese and can be shown as it is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
