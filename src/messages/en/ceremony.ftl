# The library's messages in English: the ceremony stage. Every id here is also in ../zh/ceremony.ftl with the same arguments (a test checks).

## The announcement (announce-*): the body of an error `announcement: …` (the kind's message
## puts it after "announcement: "); verification shows it alone as why an attestation fails.

announce-margin-negative = the margin cannot be negative
announce-not-before-past = { $time } is already past (now { $now }): the round must be one that is not yet emitted
announce-not-before-in-margin = the round cannot be as early as { $time }: that is within the margin of { $minutes } minutes after now ({ $now }), so its randomness might be public before the announcement is
announce-dice-invalid = the dice: expected at most { $max } digits 0–9 rolled in public (whitespace ignored), found '{ $dice }'
announce-replaced-other-plan = the replaced announcement is for plan '{ $replaced }', not '{ $plan }'
announce-reason-missing = say why the replaced attempt was not drawn: the reason is published
announce-redo-round-not-later = the redo must name a round later than the replaced attempt's round { $round } (emitted { $emitted }): ask for a round after it
announce-too-many-attempts = too many attempts
announce-party-name = party '{ $name }': each party needs a distinct, non-empty name
announce-not-draft = not a draft: a draft names its parties, none of whom has contributed yet
announce-draft-round-emitted = round { $round } was already emitted at { $emitted } (now { $now }): this draft can no longer be completed; announce again, replacing it
announce-draft-round-in-margin = round { $round } is emitted at { $emitted }, within the margin of { $minutes } minutes after now ({ $now }): too late to publish it first; announce again, replacing this draft
announce-party-unknown = '{ $name }' is not a party the draft names ({ $parties }): the parties were fixed when it was made
announce-contribution-invalid = party '{ $name }': expected one 64-hex-digit contribution, found '{ $found }'
announce-party-missing = party '{ $name }' has not contributed: every party the draft names must
announce-time-invalid = { $member } '{ $value }' is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ
announce-is-draft = this is a draft: its parties have not contributed yet; each party contributes, then the completed announcement is published and drawn
announce-spec = spec '{ $found }': this build implements announcements of spec version { $supported }
announce-digest-mismatch = the announcement's digest does not match its content: it was changed after it was made
announce-not-before-early = beacon.not_before { $not_before } is earlier than announced_at { $announced }
announce-round-mismatch = beacon.round { $round } is not the first round emitted at or after not_before { $not_before } (that is round { $expected })
announce-emitted-mismatch = beacon.emitted_at { $emitted } is not when round { $round } is emitted ({ $expected })
announce-chain-hash = beacon.chain_hash { $chain_hash } is not drand quicknet's
announce-dice-stored = dice '{ $dice }' is not a string of at most { $max } digits
announce-party-not-normalised = party name '{ $name }' is not normalised
announce-parties-unsorted = the parties are not sorted by name and distinct
announce-contribution-stored = party '{ $name }': the contribution is not 64 lower-case hex digits
announce-attempt-invalid = attempt { $attempt }: a first attempt replaces nothing; a later one names the digest of the attempt it replaces and why it was not drawn
announce-previous-unknown = previous '{ $previous }' is not one of the earlier batches' records the announcement freezes (inputs.earlier)
announce-reason-not-normalised = the reason is not normalised text
announce-party-control = a party name holds a control character
announce-chain-count = attempt { $attempt } needs the { $needed } earlier announcement(s) it follows, { $given } given: every attempt stays visible
announce-chain-link = attempt { $attempt } replaces { $replaces }, not attempt { $old_attempt } ({ $old_digest }) of plan '{ $plan }'
announce-chain-round = attempt { $attempt } names round { $round }, not later than round { $old_round } of the attempt { $old_attempt } it replaces: a redo must wait for a new round, or it would offer a choice between two seeds
announce-chain-time = attempt { $attempt } is announced at { $announced }, before the attempt { $old_attempt } it replaces ({ $old_announced })
announce-earlier-round = round { $round } is not later than round { $earlier_round } of the earlier batch { $earlier } it follows: a later batch needs a later round

## Attestation (attest-*): the announced round, the reveals, the time-stamp and the inputs
## checked against the announcement.

attest-round-not-announced = beacon round { $round } is not the announced round { $announced }: a draw can only come from its announced round (drand emits every round; after an outage it catches up)
attest-beacon-invalid = beacon round { $round }: { $reason }
attest-party-unknown = '{ $name }' is not an announced party
attest-secret-mismatch = the secret revealed by '{ $name }' does not open its contribution { $contribution }: it was not made for this announcement
attest-revealed-twice = '{ $name }' revealed twice
attest-digest-invalid = bad digest
attest-timestamp-invalid = the time-stamp token: { $reason }
attest-timestamp-other-file = the time-stamp token is for other bytes than this announcement's file
attest-timestamp-late = the time-stamp token says { $time }, not before { $emitted } when round { $round } was emitted: it does not show the announcement existed before the randomness
# The inputs, as "the { $input } file" names them.
attest-input-plan = plan
attest-input-targets = targets
attest-input-officers = officers
attest-input-history = history
attest-input-conflicts = conflicts
attest-raw-not-announced = the announcement records no raw SHA-256 of the { $input } file: draw without raw digests, as announced
attest-raw-not-hashed = the announcement records the raw SHA-256 of the { $input } file, and the draw did not hash it: read the inputs with raw digests, as announced
attest-input-bytes = the { $input } file has the announced content but not the announced bytes (SHA-256 { $sha256 }, announced { $announced }): draw from the very file that was announced
attest-input-changed = the { $input } file is not the one announced (canonical digest { $digest }, announced { $announced }): inputs cannot change after the announcement
# No such input (a digest that is absent).
attest-digest-none = (none)
attest-names-changed = the officers' names are not the ones announced (names digest { $digest }, announced '{ $announced }'): an officer cannot be renamed after the announcement
attest-earlier-changed = the earlier batches' records are not the ones announced

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
strict-unknown-member = an unknown member '{ $member }' (expected here: { $expected })
strict-missing-member = the member '{ $member }' is missing
announce-time-out-of-range = the time { $time } is not in Unix seconds between drand quicknet's first round (2023-08-23) and the year 9999: a time in milliseconds must be divided by 1000
