-- What a municipality requires of its staff's sign-in (#21): single sign-on through its own identity provider (local
-- passwords then refused for its staff), and a second factor for every staff member (admins always need one).
ALTER TABLE municipalities ADD COLUMN require_sso INTEGER NOT NULL DEFAULT 0 CHECK (require_sso IN (0, 1));
ALTER TABLE municipalities ADD COLUMN require_two_factor INTEGER NOT NULL DEFAULT 0 CHECK (require_two_factor IN (0, 1));

-- Residents who verified themselves with ID-porten (#21.3). Never the national identity number: only a keyed
-- pseudonym of it, per municipality (the key and the municipality go into it), so one person counts once whichever
-- browsers they take part from, and nothing links the same person across municipalities. Removing the
-- verification deletes the row; erasing the participant takes it too.
CREATE TABLE resident_verifications (
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  municipality_id INTEGER NOT NULL REFERENCES municipalities (id) ON DELETE CASCADE,
  pseudonym TEXT NOT NULL,
  verified_at TEXT NOT NULL,
  PRIMARY KEY (participant_id, municipality_id)
) WITHOUT ROWID;
CREATE INDEX resident_verifications_pseudonym ON resident_verifications (municipality_id, pseudonym);
