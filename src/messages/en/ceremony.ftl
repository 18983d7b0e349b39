# The library's messages in English: the ceremony stage. Every id here is also in ../zh/ceremony.ftl with the same arguments (a test checks).

## A drand round that is not what it claims to be (beacon::Invalid).

beacon-malformed = the signature is malformed: { $detail }
beacon-length = the signature is malformed: { $bytes } bytes, expected 48
beacon-randomness = the randomness is not SHA-256 of the signature
beacon-signature = the BLS signature does not verify for this round under the pinned quicknet public key

## An RFC 3161 time-stamp token that is not accepted (timestamp::Invalid). The detail is
## the verifier's own (the part of the token or certificate at fault).

timestamp-malformed = the time-stamp token is malformed: { $detail }
timestamp-not-granted = the time-stamp authority did not grant a time stamp: { $status }
timestamp-imprint-algorithm = the token's message imprint uses { $algorithm }; only SHA-256 imprints are accepted
timestamp-imprint-mismatch = the token was issued for other bytes: its message imprint is not the SHA-256 of the given data
timestamp-signature = the token's signature does not verify under the signer's certificate: the token was altered or signed by another key
timestamp-unknown-signer = the given certificates are neither the token's signing certificate nor the issuer of it
timestamp-unsupported-algorithm = unsupported algorithm: { $detail }
timestamp-certificate = certificate not acceptable: { $detail }

## A JSON document read strictly (a record, an announcement, a beacon round): the text
## after "member '…': " when a member is named. The detail is serde_json's.

strict-duplicate-member = a member appears twice in one object: only one may be read, so the document is refused
strict-syntax = { $detail }
strict-eof = { $detail }
strict-data = { $detail }
