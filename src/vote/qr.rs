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

/// A network for phones to join before they vote: the laptop's hotspot, or the room's Wi-Fi.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Wifi {
    pub ssid: String,
    /// Empty for an open network.
    pub password: String,
}

impl Wifi {
    /// The text of a Wi-Fi QR code, as phone cameras read it (`WIFI:T:WPA;S:…;P:…;;`; an open
    /// network without `T` and `P`). `None` without a network name.
    pub fn qr_text(&self) -> Option<String> {
        if self.ssid.trim().is_empty() {
            return None;
        }
        // The format's own separators, and the backslash itself, are escaped with a backslash.
        let escape = |s: &str| {
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                if matches!(c, '\\' | ';' | ',' | ':' | '"') {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        };
        let ssid = escape(&self.ssid);
        Some(if self.password.is_empty() {
            format!("WIFI:T:nopass;S:{ssid};;")
        } else {
            format!("WIFI:T:WPA;S:{ssid};P:{};;", escape(&self.password))
        })
    }
}

#[cfg(test)]
mod wifi_tests {
    use super::Wifi;

    #[test]
    fn a_wifi_code_escapes_the_formats_separators() {
        let wifi = |ssid: &str, password: &str| Wifi {
            ssid: ssid.into(),
            password: password.into(),
        };
        assert_eq!(
            wifi("会議室-PC", "abc12345").qr_text().as_deref(),
            Some("WIFI:T:WPA;S:会議室-PC;P:abc12345;;")
        );
        assert_eq!(
            wifi(r#"a;b,c:d"e\f"#, "p;w").qr_text().as_deref(),
            Some(r#"WIFI:T:WPA;S:a\;b\,c\:d\"e\\f;P:p\;w;;"#)
        );
        assert_eq!(
            wifi("Guest", "").qr_text().as_deref(),
            Some("WIFI:T:nopass;S:Guest;;")
        );
        assert_eq!(wifi("  ", "x").qr_text(), None);
        assert!(
            super::modules(&wifi("会議室-PC", "abc12345").qr_text().unwrap_or_default()).is_some()
        );
    }
}
