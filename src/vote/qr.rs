//! The page's address as a QR code: modules for the window's painter, text for a terminal.

/// The QR code of `text` as rows of dark (true) and light modules, without the quiet zone.
pub fn modules(text: &str) -> Option<Vec<Vec<bool>>> {
    // Medium error correction: readable from the back of a room on a projector, smudges and all.
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    Some(
        colors
            .chunks(width)
            .map(|row| row.iter().map(|c| *c == qrcode::Color::Dark).collect())
            .collect(),
    )
}

/// The QR code as text for a terminal: two rows of modules per line with half blocks, dark on
/// light, with a quiet zone of two modules (most terminals are dark, so light is drawn).
pub fn terminal(text: &str) -> Option<String> {
    let rows = modules(text)?;
    let size = rows.len();
    let quiet = 2;
    let dark = |r: isize, c: isize| -> bool {
        if r < 0 || c < 0 {
            return false;
        }
        rows.get(r as usize)
            .and_then(|row| row.get(c as usize))
            .copied()
            .unwrap_or(false)
    };
    let mut out = String::new();
    let span = size as isize + 2 * quiet;
    let mut r = -quiet;
    while r < span - quiet {
        for c in -quiet..span - quiet {
            // Light is drawn (█), dark left as the terminal's background.
            out.push(match (dark(r, c), dark(r + 1, c)) {
                (false, false) => '█',
                (false, true) => '▀',
                (true, false) => '▄',
                (true, true) => ' ',
            });
        }
        out.push('\n');
        r += 2;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_becomes_a_square_code() {
        let rows = modules("http://192.168.1.20:8765/v/abcdefghijklmnopqrstuvwxyz").expect("code");
        assert!(rows.len() >= 21);
        assert!(rows.iter().all(|r| r.len() == rows.len()));
        // The finder pattern's corner is dark.
        assert!(rows[0][0]);
        let text = terminal("http://127.0.0.1/").expect("text");
        assert!(text.lines().count() >= 12);
    }
}
