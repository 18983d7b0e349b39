# The library's messages in English: the inputs stage. Every id here is also in ../zh/inputs.ftl with the same arguments (a test checks).

## Reading a file: `detail` is the operating system's own words.

input-read-failed = cannot read the file: { $detail }
input-read-changed = cannot read the file: the file changed while it was read: draw again from a file no one is editing

## Limits

input-too-large-stream = the input is larger than the limit of { $limit }
input-too-large-rows = the number of rows ({ $rows }) exceeds the limit of { $limit }
input-too-large-columns = the number of columns ({ $columns }) exceeds the limit of { $limit }
input-too-large-header = the header exceeds the limit of { $limit }
input-too-large-field = field '{ $field }' ({ $bytes } bytes) exceeds the limit of { $limit }
input-too-large-line = the line is longer than { $bytes } bytes: a row has at most { $columns } columns of at most { $limit } bytes each
input-too-large-record-field = field '{ $field }' (more than { $bytes } bytes) exceeds the limit of { $limit }
input-too-large-record-column = field 'column { $column }' (more than { $bytes } bytes) exceeds the limit of { $limit }

## The header and the values

input-control-character-header = 'the header' contains the control character U+{ $code }
input-expected-risk = a credit risk class: A, B, C or D (also A类, 低风险, …)
input-expected-date = a date such as 2027-01-15, 2027/1/15 or 2027年1月15日
input-expected-end-date = a date such as 2028-12-31, or 长期
input-expected-validity = a validity period such as 2023-01-01至2028-12-31 (or …至长期)

## What a value shaped like personal data looks like (the `shape` of personal-data)

personal-shape-resident-id = a resident ID number (居民身份证号码)
personal-shape-mobile = a mobile phone number (手机号码)
personal-shape-email = an e-mail address (电子邮箱)

## Why a target id fails its check (the `reason` of invalid-id)

uscc-bad-character = '{ $char }' cannot occur in a unified social credit code (I, O, S, V, Z and lower-case letters never do)
uscc-bad-check = fails the GB 32100-2015 check character (expected '{ $expected }' at position 18)
uscc-bad-org-check = fails the GB 11714 organisation-code check (positions 9–17)
uscc-bad-reg15 = fails the ISO 7064 MOD 11,10 check of a registration number
uscc-bad-length = expected an 18-character unified social credit code or a 15-digit registration number, found { $length } characters

## CSV and TSV: `detail` is the CSV reader's own words.

csv-syntax = malformed CSV: { $detail }
csv-field-count = malformed CSV: this row has { $fields } fields, the header has { $columns }
csv-stray-quote = malformed CSV: a quote inside an unquoted field and a quoted field over several lines: quote the field that holds the stray quote ("" for a quote inside quotes)

## JSON and JSON Lines: `detail` is the JSON reader's own words.

json-syntax = invalid JSON table: { $detail }
json-duplicate-member = invalid JSON table: the member { $member } appears twice in one row
json-not-array = invalid JSON table: expected an array of objects, one per row
json-not-object = invalid JSON table: expected an object for each row
json-nested = invalid JSON table: '{ $member }' holds a nested array or object; each value must be a string or a number

## Excel workbooks: `detail` is the workbook reader's own words.

xlsx-not-workbook = not a readable .xlsx workbook
xlsx-not-workbook-detail = not a readable .xlsx workbook ({ $detail })
xlsx-encrypted = not a readable .xlsx workbook (it is encrypted: save it in Excel without a password)
xlsx-ole = not a readable .xlsx workbook (it is an Excel 97-2003 .xls file or another OLE document: save it in Excel as .xlsx or CSV UTF-8)
xlsx-no-sheet-part = not a readable .xlsx workbook (no part for its sheet { $sheet })
xlsx-no-such-sheet = no sheet named '{ $sheet }' (sheets: { $sheets })
xlsx-no-sheets = the workbook has no sheets
xlsx-sheet-unreadable = cannot read sheet '{ $sheet }' ({ $detail })
xlsx-cell-error = the cell holds the error { $error }
xlsx-too-large-part = the workbook expands beyond the limit: '{ $part }' inflates to more than { $limit }
xlsx-too-large-markup = the workbook expands beyond the limit: '{ $part }' holds a piece of markup or text of more than { $limit }
xlsx-too-large-element = the workbook expands beyond the limit: '{ $part }' holds an element (a cell, a shared string, a name) of more than { $limit }
xlsx-too-large-memory = the workbook expands beyond the limit: its shared strings, styles and cells would take more than { $limit }

## Warnings about the inputs' values

warning-filter-expected-date = date
warning-filter-expected-number = number
warning-filter-example = '{ $value }'
