//! Random access to an input's bytes, so that a directory of tens of millions of
//! rows is read in blocks rather than held in memory.
//!
//! The library never opens a file: the caller hands over a [`ByteSource`] — a file it
//! opened ([`std::fs::File`], read in place with `pread`), or bytes in memory.

use std::io;

/// Bytes that can be read at any offset, from several threads at once.
///
/// A source is unwind-safe, so that inputs holding one can be used inside
/// [`std::panic::catch_unwind`] (a JNI or C boundary that must not let a panic cross it).
pub trait ByteSource: Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe {
    /// The number of bytes.
    fn size(&self) -> u64;
    /// Reads up to `buf.len()` bytes at `offset`; returns how many were read (0 at the end).
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;

    /// Fills `buf` from `offset`, or fails with `UnexpectedEof`.
    fn read_exact_at(&self, mut offset: u64, mut buf: &mut [u8]) -> io::Result<()> {
        while !buf.is_empty() {
            match self.read_at(offset, buf)? {
                0 => return Err(io::ErrorKind::UnexpectedEof.into()),
                n => {
                    offset += n as u64;
                    buf = &mut buf[n..];
                }
            }
        }
        Ok(())
    }
}

impl ByteSource for [u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.len());
        let n = buf.len().min(self.len() - start);
        buf[..n].copy_from_slice(&self[start..start + n]);
        Ok(n)
    }
}

impl ByteSource for Vec<u8> {
    fn size(&self) -> u64 {
        self.as_slice().size()
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        self.as_slice().read_at(offset, buf)
    }
}

/// A file the caller opened, read in place (`pread` on Unix, `seek_read` on Windows) from
/// several threads at once: a directory of tens of millions of rows is never held whole.
impl ByteSource for std::fs::File {
    fn size(&self) -> u64 {
        self.metadata().map_or(0, |m| m.len())
    }

    #[cfg(unix)]
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(self, buf, offset)
    }

    #[cfg(windows)]
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        std::os::windows::fs::FileExt::seek_read(self, buf, offset)
    }
}

/// Reads an input that arrives as a stream (a database blob, an upload, a decompressor) into
/// memory, for [`Source`](crate::Source): at most `limit` bytes, so that no stream can
/// exhaust memory. A file on disk is better given as a [`std::fs::File`] ([`ByteSource`]),
/// read in place.
///
/// ```
/// use shuangsui::inputs::read_to_end;
///
/// let upload: &[u8] = b"id,name\nE1,a\n";
/// let bytes = read_to_end("officers.csv", upload, 64 << 20)?;
/// assert_eq!(bytes, upload);
/// let e = read_to_end("officers.csv", upload, 4).unwrap_err();
/// assert_eq!(e.kind(), shuangsui::ErrorKind::TooLarge);
/// # Ok::<(), shuangsui::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Read`](crate::ErrorKind::Read) when the stream fails (the I/O error is the
/// source); [`ErrorKind::TooLarge`](crate::ErrorKind::TooLarge) beyond `limit` bytes.
pub fn read_to_end(name: &str, reader: impl io::Read, limit: u64) -> crate::Result<Vec<u8>> {
    use crate::error::{Error, ErrorKind, Location};
    let mut bytes = Vec::new();
    let mut reader = reader.take(limit.saturating_add(1));
    if let Err(e) = io::Read::read_to_end(&mut reader, &mut bytes) {
        return Err(Error::with_id(ErrorKind::Read, "input-read-failed")
            .at(Location::file(name))
            .arg("detail", e.to_string())
            .caused_by(e));
    }
    if bytes.len() as u64 > limit {
        return Err(
            Error::with_id(ErrorKind::TooLarge, "input-too-large-stream")
                .at(Location::file(name))
                .arg("limit", crate::error::mebibytes(limit)),
        );
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    /// A platform wraps every call in `catch_unwind`, which needs the inputs it borrows to be
    /// unwind-safe: a directory read in place holds an `Arc<dyn ByteSource>`.
    #[test]
    fn inputs_can_be_used_inside_catch_unwind() {
        fn unwind_safe<T: std::panic::RefUnwindSafe>() {}
        unwind_safe::<crate::Inputs>();
        unwind_safe::<crate::Record>();
        unwind_safe::<crate::Seed>();
    }
}
