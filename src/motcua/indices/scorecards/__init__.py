"""PAR INDEX and PCI scorecards: yearly criteria trees imported as data (vn-rules decision 10),
scores with evidence, and the comparison with the previous year (plan item II.2.3)."""
