class CatalogError(Exception):
    """A catalogue rule refused an action; the message is Vietnamese, ready for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
