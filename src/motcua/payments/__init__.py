"""Online payment of fees: payment attempts, the gateway plugins (a local sandbox that signs its
callbacks like a real gateway) and the log of every callback."""
