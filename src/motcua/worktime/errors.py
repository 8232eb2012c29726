"""The domain errors of deadline arithmetic; each message is Vietnamese, ready for the user."""


class WorktimeError(ValueError):
    """Anything the working calendar refuses to compute."""


class NaiveDatetimeError(WorktimeError):
    """A moment without a time zone: the calendar cannot know which wall clock it means."""


class InvalidDurationError(WorktimeError):
    """A negative, non-finite or absurdly long time limit."""


class OutOfCalendarError(WorktimeError):
    """A moment outside the years the calendar knows, or a calendar without working days."""


class InvalidCalendarError(WorktimeError):
    """Working hours or weekly days off that cannot make a working week."""
