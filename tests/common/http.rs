//! A plain HTTP/1.1 client over a TCP socket, for the voting server's tests (127.0.0.1 only):
//! nothing between the test and the bytes on the wire.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub struct Reply {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Reply {
    /// Where a redirect goes.
    pub fn location(&self) -> Option<String> {
        self.headers
            .lines()
            .find(|l| l.to_lowercase().starts_with("location:"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_owned())
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .lines()
            .filter(|l| l.to_lowercase().starts_with("set-cookie:"))
            .filter_map(|l| l.split_once(':').map(|(_, v)| v.trim().to_owned()))
            .find_map(|v| {
                v.split(';')
                    .next()
                    .and_then(|p| p.split_once('='))
                    .filter(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_owned())
            })
    }
}

pub fn request(addr: SocketAddr, method: &str, path: &str, cookie: &str, body: &[u8]) -> Reply {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAccept-Language: ja\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    exchange(addr, &bytes)
}

/// Sends `text` as it is (a request written by hand, hostile or odd) and reads the answer.
pub fn request_raw(addr: SocketAddr, text: &str) -> Reply {
    exchange(addr, text.as_bytes())
}

fn exchange(addr: SocketAddr, bytes: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    // A large body may be refused before it is all sent: that is the point.
    let _ = stream.write_all(bytes);
    let mut raw = Vec::new();
    // Reading stops at the end of the answer, or at the timeout (whatever came is the answer).
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (headers, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Reply {
        status,
        headers: headers.to_owned(),
        body: body.to_owned(),
    }
}

pub fn form(fields: &[(&str, &str)]) -> Vec<u8> {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish().into_bytes()
}

/// A phone as the voting page sees it: the id the server gave it (its cookie), the page it is
/// shown, and the forms it sends (with the ballot token of the item's form).
pub struct Phone {
    pub addr: SocketAddr,
    pub path: String,
    pub id: String,
}

impl Phone {
    /// Opens the page for the first time: the server gives the phone its id.
    pub fn open(addr: SocketAddr, path: &str) -> Phone {
        let first = request(addr, "GET", path, "", b"");
        assert_eq!(first.status, 200, "{}", first.body);
        Phone {
            addr,
            path: path.to_owned(),
            id: first.cookie("kizuki_phone").expect("a phone id"),
        }
    }

    pub fn page(&self) -> Reply {
        request(self.addr, "GET", &self.path, &self.cookie(), b"")
    }

    fn cookie(&self) -> String {
        format!("kizuki_phone={}", self.id)
    }

    /// Votes `level` on `item` as `member` (empty: anonymous), as a phone does: it opens the
    /// page, then sends the item's form. The status of the answer (303 when recorded).
    pub fn vote(&self, member: &str, item: &str, level: &str) -> u16 {
        let page = self.page().body;
        let form_of = format!("name=\"item\" value=\"{item}\"");
        let ballot = page.find(&form_of).map_or_else(String::new, |at| {
            let rest = &page[at..];
            let start = rest.find("name=\"ballot\" value=\"").map_or(0, |s| s + 21);
            rest[start..]
                .split('"')
                .next()
                .unwrap_or_default()
                .to_owned()
        });
        let mut fields = vec![("item", item), ("level", level), ("ballot", &ballot)];
        if !member.is_empty() {
            fields.push(("member", member));
        }
        request(
            self.addr,
            "POST",
            &self.path,
            &self.cookie(),
            &form(&fields),
        )
        .status
    }
}
