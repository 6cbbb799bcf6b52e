"""What pages and feeds are made of: the trial page's charts, Atom and RSS documents."""
