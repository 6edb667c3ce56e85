-- #22.4: what data.norge.no wants of a municipality's dataset that the portal did not know. The organisation number in
-- Enhetsregisteret names the publisher as data.norge.no's organisation catalogue does; the contact e-mail (a public
-- address such as postmottak@) is the dataset's contact point. Both are set by the municipality's admin on the settings
-- page, and NULL until then: the description then keeps the publisher by name and the contact point by its page only.
ALTER TABLE municipalities ADD COLUMN organisation_number TEXT;
ALTER TABLE municipalities ADD COLUMN contact_email TEXT;
-- One number, one municipality: two would be one publisher with two names (the settings say so before this refuses).
CREATE UNIQUE INDEX municipalities_organisation_number ON municipalities (organisation_number) WHERE organisation_number IS NOT NULL;
