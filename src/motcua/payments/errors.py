"""Domain errors of online payment; each message is Vietnamese and can be shown as it is."""


class PaymentError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NothingToPay(PaymentError):
    status = 409


class ForgedCallback(PaymentError):
    """A callback whose signature or content cannot be verified: never trusted, only logged."""

    status = 400
