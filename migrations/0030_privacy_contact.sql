-- #20.7: the privacy statement names who residents contact about their data: the municipality's data protection
-- officer (personvernombud), as its admin writes it on the settings page. Empty until set; the statement then
-- points to the municipality's own website.
ALTER TABLE municipalities ADD COLUMN privacy_contact TEXT NOT NULL DEFAULT '';
