"""Who is signing in: checks a person's name and password against the centre's directory
(``directory``). No Qt; sits between the bridge and the feed/store layers."""
