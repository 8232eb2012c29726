class PlanError(Exception):
    """A plan or assignment action refused; the message is Vietnamese, shown to the user."""
