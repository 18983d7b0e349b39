//! Reading a file of lines (JSON Lines) in blocks on every core: the calling thread reads
//! the file a block at a time, cuts it after its last `\n` (a record never spans lines)
//! and hands it to a worker; the workers' results come back in file order.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, mpsc};

use sha2::{Digest as _, Sha256};

use super::records::count_newlines;
use crate::inputs::source::ByteSource;

/// A block of whole lines.
pub(super) struct Block<'b> {
    /// Where it starts in the file.
    pub(super) offset: u64,
    /// The line it starts on (1-based).
    pub(super) first_line: u64,
    pub(super) bytes: &'b [u8],
}

/// How a pass over the blocks ended.
pub(super) enum Ended {
    /// Every block was read (or the sink stopped), `raw` the SHA-256 of the bytes read.
    Read { raw: Option<[u8; 32]> },
    /// The file holds a byte `00` at this offset (the first): reading stopped there.
    Nul(u64),
    /// The line starting on this line number is longer than
    /// [`RECORD_BYTES`](crate::inputs::limits::RECORD_BYTES): reading stopped there (a line
    /// that never ends would otherwise be held whole).
    LongLine(u64),
}

/// Reads `data` in blocks of `block` bytes cut after their last line end, skipping its
/// first `skip` bytes (a byte order mark), and gives each block to `work` on `threads`
/// workers; `sink` gets their results in file order with the offset the block ends at,
/// and stops the pass by returning `false`.
pub(super) fn pass<T: Send>(
    data: &dyn ByteSource,
    skip: usize,
    block: usize,
    threads: usize,
    hash: bool,
    work: &(dyn Fn(&Block<'_>) -> T + Sync),
    sink: &mut dyn FnMut(T, u64) -> bool,
) -> std::io::Result<Ended> {
    let block = block.max(1);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, u64, u64, Vec<u8>)>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel::<(usize, T, u64, Vec<u8>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let out_tx = out_tx.clone();
            scope.spawn(move || {
                loop {
                    let job = job_rx.lock().expect("no worker panics").recv();
                    let Ok((index, offset, first_line, bytes)) = job else {
                        break;
                    };
                    let result = work(&Block {
                        offset,
                        first_line,
                        bytes: &bytes,
                    });
                    let end = offset + bytes.len() as u64;
                    if out_tx.send((index, result, end, bytes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(out_tx);
        let mut raw = hash.then(Sha256::new);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        let mut stopped = false;
        // Blocks parsed come back to be filled again (a fresh block would fault in new pages).
        let mut pool: Vec<Vec<u8>> = Vec::new();
        let mut deliver = |waiting: &mut BTreeMap<usize, (T, u64)>, stopped: &mut bool| {
            while let Some((result, end)) = waiting.remove(&next) {
                next += 1;
                if !*stopped && !sink(result, end) {
                    *stopped = true;
                }
            }
        };
        let result = (|| -> std::io::Result<Ended> {
            let (mut offset, mut start, mut line, mut index) = (0_u64, skip, 1_u64, 0);
            let mut carry: Vec<u8> = Vec::new();
            loop {
                // Fill.
                let before = carry.len();
                carry.resize(before + block, 0);
                let mut got = 0;
                while got < block {
                    let n = data.read_at(offset + got as u64, &mut carry[before + got..])?;
                    if n == 0 {
                        break;
                    }
                    got += n;
                }
                carry.truncate(before + got);
                offset += got as u64;
                let eof = got < block;
                if let Some(raw) = &mut raw {
                    raw.update(&carry[before..]);
                }
                if let Some(at) = memchr::memchr(0, &carry[before..]) {
                    return Ok(Ended::Nul(offset - got as u64 + at as u64));
                }
                let cut = if eof {
                    Some(carry.len())
                } else {
                    memchr::memrchr(b'\n', &carry[start.min(carry.len())..]).map(|i| start + i + 1)
                };
                if let Some(cut) = cut.filter(|&c| c > start) {
                    let at = offset - carry.len() as u64 + start as u64;
                    let mut rest = pool.pop().unwrap_or_default();
                    rest.clear();
                    rest.extend_from_slice(&carry[cut..]);
                    carry.truncate(cut);
                    let mut bytes = std::mem::replace(&mut carry, rest);
                    bytes.drain(..start);
                    let newlines = count_newlines(&bytes) as u64;
                    job_tx
                        .send((index, at, line, bytes))
                        .expect("workers run until the jobs end");
                    index += 1;
                    line += newlines;
                    start = 0;
                }
                while let Ok((i, result, end, bytes)) = out_rx.try_recv() {
                    pool.push(bytes);
                    waiting.insert(i, (result, end));
                }
                deliver(&mut waiting, &mut stopped);
                if !eof
                    && carry.len() - start.min(carry.len()) > crate::inputs::limits::RECORD_BYTES
                {
                    return Ok(Ended::LongLine(line));
                }
                if eof || stopped {
                    return Ok(Ended::Read {
                        raw: raw.take().map(|r| r.finalize().into()),
                    });
                }
            }
        })();
        drop(job_tx);
        for (i, result, end, _) in out_rx {
            waiting.insert(i, (result, end));
        }
        deliver(&mut waiting, &mut stopped);
        result
    })
}
