"""Server-rendered pages for people: a second adapter beside the API, calling the same
services with the same actor (see README, "Pages")."""
