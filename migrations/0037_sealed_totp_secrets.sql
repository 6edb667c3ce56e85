-- Staff members' TOTP secrets are sealed at rest from this version on (#21 follow-up): `user_totp.secret` holds
-- `v1:<iv>:<ciphertext and tag>` (AES-256-GCM with the user id as associated data, src/modules/two-factor/totp-seal.ts)
-- instead of the base32 secret. The sealing needs the key, which SQL does not have: the server seals the rows still in
-- clear at start-up, right after this migration (TwoFactorService.sealStoredSecrets). No table changes here; the file
-- raises the schema version, so that an older release, which would take a sealed value for a base32 secret and refuse
-- every code from the app, refuses to start on this database instead (#22.5), and going back is a restore.
SELECT 1;
