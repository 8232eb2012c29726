"""The questions desk (portal, e-mail, hotline; published FAQ) and feedback and complaints (phản
ánh, kiến nghị) followed by code."""
