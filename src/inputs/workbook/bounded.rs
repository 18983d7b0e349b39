//! The inflating reader a part is read through, which stops at a limit.

use std::io::{self, Read};

/// Which limit a [`Bounded`] reader stopped at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Exceeded {
    /// The part's inflated size.
    Part,
    /// One piece of markup or text.
    Markup,
}

/// An inflating reader that fails past `limit` bytes in all, or past `element` bytes since
/// the last [`mark`](Bounded::mark): the parser, which holds a piece of markup whole, never
/// holds more. (The zip reader also stops at the size the archive declares; this does not
/// rely on it.)
pub(super) struct Bounded<R> {
    pub(super) inner: R,
    pub(super) read: u64,
    pub(super) limit: u64,
    pub(super) mark: u64,
    pub(super) element: u64,
    pub(super) exceeded: Option<Exceeded>,
}

/// Slack for the read-ahead of the parser's buffered reader (8 KiB), counted before the
/// markup it belongs to.
const READ_AHEAD: u64 = 16 << 10;

impl<R> Bounded<R> {
    /// The parser has returned a piece of markup: the next one starts here.
    pub(super) fn mark(&mut self) {
        self.mark = self.read;
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.limit {
            self.exceeded = Some(Exceeded::Part);
        } else if self.read - self.mark > self.element + READ_AHEAD {
            self.exceeded = Some(Exceeded::Markup);
        }
        match self.exceeded {
            Some(_) => Err(io::Error::other("beyond the limit")),
            None => Ok(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inflating_reader_stops_at_its_limits() {
        let mut all = Bounded {
            inner: &[b'x'; 3000][..],
            read: 0,
            limit: 2048,
            mark: 0,
            element: u64::MAX,
            exceeded: None,
        };
        let e = io::copy(&mut all, &mut io::sink()).unwrap_err();
        assert_eq!(
            (e.to_string().as_str(), all.exceeded),
            ("beyond the limit", Some(Exceeded::Part))
        );
        let mut one = Bounded {
            inner: &vec![b'x'; 100_000][..],
            read: 0,
            limit: u64::MAX,
            mark: 0,
            element: 1000,
            exceeded: None,
        };
        let mut buf = vec![0; 40_000];
        one.read_exact(&mut buf[..10_000]).unwrap();
        one.mark();
        one.read_exact(&mut buf[..(READ_AHEAD as usize + 1000)])
            .unwrap();
        assert!(one.read(&mut buf[..1]).is_err());
        assert_eq!(one.exceeded, Some(Exceeded::Markup));
    }
}
