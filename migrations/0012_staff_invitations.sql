-- Staff invitations (#15.2): an admin adding someone to a municipality invites them, and only that person can accept.
-- An account that already exists is never changed by the invitation, and the inviting admin sees only the name and
-- e-mail they typed themselves, never what the account holds.
CREATE TABLE staff_invitations (
  id INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  UNIQUE (municipality_id, email)
);
CREATE INDEX staff_invitations_by_email ON staff_invitations (email);
