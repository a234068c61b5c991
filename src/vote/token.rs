//! The ids the voting server hands out, and how it knows it did: unforgeable without the secret
//! made when voting opens, bound to what they were issued for, and checked without keeping a
//! list (a flood of page loads cannot fill one).
//!
//! - The page's address carries a random token ([`Secrets::path_token`]): only someone shown the
//!   QR code reaches the page.
//! - A phone's id (its cookie) is a random nonce and an HMAC of it and the phone's address on
//!   the room's network: valid only from that address, and only in this voting round.
//! - Each form carries a ballot token, an HMAC of the phone's id and the item: a vote on an item
//!   whose form this phone was never given is refused.

use crate::checklist::ItemId;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::net::IpAddr;

/// Bytes of a tag kept in an id: 128 bits, far beyond guessing within a workshop.
const TAG_BYTES: usize = 16;

/// The secret of one voting round, made when voting opens and forgotten when it closes.
pub struct Secrets {
    /// As long as SHA-256's block, so that HMAC takes it as it is.
    key: [u8; 64],
    path_token: String,
}

impl Secrets {
    pub fn new() -> Result<Secrets, getrandom::Error> {
        let mut key = [0u8; 64];
        getrandom::fill(&mut key)?;
        Ok(Secrets {
            key,
            path_token: random_text(16)?,
        })
    }

    /// The token in the page's path, `/v/<token>`.
    pub fn path_token(&self) -> &str {
        &self.path_token
    }

    /// Whether `given` is the page's token, compared in time independent of where it differs.
    pub fn is_path_token(&self, given: &str) -> bool {
        constant_time_eq::constant_time_eq(self.path_token.as_bytes(), given.as_bytes())
    }

    /// A new phone id for a phone at `address`.
    pub fn issue_phone(&self, address: IpAddr) -> Result<String, getrandom::Error> {
        let nonce = random_text(10)?;
        let tag = self.tag(&[b"phone", nonce.as_bytes(), &address_bytes(address)]);
        Ok(format!("{nonce}-{tag}"))
    }

    /// Whether `phone` was issued by this round to a phone at `address`.
    pub fn is_phone(&self, phone: &str, address: IpAddr) -> bool {
        let Some((nonce, tag)) = phone.split_once('-') else {
            return false;
        };
        self.verify(&[b"phone", nonce.as_bytes(), &address_bytes(address)], tag)
    }

    /// The ballot token of `phone`'s form for `item`.
    pub fn ballot(&self, phone: &str, item: ItemId) -> String {
        self.tag(&[b"ballot", phone.as_bytes(), item.as_str().as_bytes()])
    }

    /// Whether `ballot` is the token this round gave `phone`'s form for `item`.
    pub fn is_ballot(&self, ballot: &str, phone: &str, item: ItemId) -> bool {
        self.verify(
            &[b"ballot", phone.as_bytes(), item.as_str().as_bytes()],
            ballot,
        )
    }

    fn mac(&self, parts: &[&[u8]]) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new(&self.key.into());
        for part in parts {
            // Each part with its length first, so that no two different lists hash alike.
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part);
        }
        mac
    }

    fn tag(&self, parts: &[&[u8]]) -> String {
        let bytes = self.mac(parts).finalize().into_bytes();
        base32(&bytes[..TAG_BYTES])
    }

    fn verify(&self, parts: &[&[u8]], tag: &str) -> bool {
        // The expected tag is recomputed and compared in constant time, as text: the tag is
        // never decoded, so a malformed one simply does not match.
        constant_time_eq::constant_time_eq(self.tag(parts).as_bytes(), tag.as_bytes())
    }
}

/// The address a phone is known by: an IPv4 address seen through a dual-stack socket
/// (`::ffff:192.168.1.5`) is that IPv4 address.
pub fn canonical(address: IpAddr) -> IpAddr {
    address.to_canonical()
}

fn address_bytes(address: IpAddr) -> Vec<u8> {
    match canonical(address) {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    }
}

/// `bytes` random bytes from the operating system, as base32 text.
fn random_text(bytes: usize) -> Result<String, getrandom::Error> {
    let mut buffer = vec![0u8; bytes];
    getrandom::fill(&mut buffer)?;
    Ok(base32(&buffer))
}

/// Lower-case base32 without padding (a–z, 2–7): safe in a URL, a cookie and a form field.
fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let mut bits = 0u32;
    let mut held = 0;
    let mut out = String::with_capacity(bytes.len() * 8 / 5 + 1);
    for &byte in bytes {
        bits = (bits << 8) | u32::from(byte);
        held += 8;
        while held >= 5 {
            held -= 5;
            out.push(char::from(ALPHABET[((bits >> held) & 31) as usize]));
        }
    }
    if held > 0 {
        out.push(char::from(ALPHABET[((bits << (5 - held)) & 31) as usize]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn a_phone_id_holds_only_from_its_address_and_only_in_its_round() {
        let round = Secrets::new().expect("random");
        let phone = round.issue_phone(ip("192.168.1.5")).expect("random");
        assert!(round.is_phone(&phone, ip("192.168.1.5")));
        assert!(
            round.is_phone(&phone, ip("::ffff:192.168.1.5")),
            "the same phone through a dual-stack socket"
        );
        assert!(
            !round.is_phone(&phone, ip("192.168.1.6")),
            "another address"
        );
        let next = Secrets::new().expect("random");
        assert!(!next.is_phone(&phone, ip("192.168.1.5")), "a later round");
        for forged in ["", "-", "abc", "abc-def", &phone.replace('-', "")] {
            assert!(!round.is_phone(forged, ip("192.168.1.5")), "{forged:?}");
        }
        let (nonce, _) = phone.split_once('-').expect("two parts");
        assert!(!round.is_phone(
            &format!("{nonce}-aaaaaaaaaaaaaaaaaaaaaaaaaa"),
            ip("192.168.1.5")
        ));
    }

    #[test]
    fn a_ballot_token_holds_only_for_its_phone_and_item() {
        let round = Secrets::new().expect("random");
        let a = round.issue_phone(ip("10.0.0.2")).expect("random");
        let b = round.issue_phone(ip("10.0.0.3")).expect("random");
        let ballot = round.ballot(&a, ItemId::Users);
        assert!(round.is_ballot(&ballot, &a, ItemId::Users));
        assert!(
            !round.is_ballot(&ballot, &a, ItemId::Partners),
            "another item"
        );
        assert!(
            !round.is_ballot(&ballot, &b, ItemId::Users),
            "another phone"
        );
        assert!(!round.is_ballot("", &a, ItemId::Users));
    }

    #[test]
    fn tokens_are_lower_case_base32_and_differ() {
        let round = Secrets::new().expect("random");
        let other = Secrets::new().expect("random");
        assert_eq!(round.path_token().len(), 26);
        assert_ne!(round.path_token(), other.path_token());
        assert!(
            round
                .path_token()
                .chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        );
        assert!(round.is_path_token(round.path_token()));
        assert!(!round.is_path_token(other.path_token()));
        assert_eq!(base32(&[0xff]), "74", "11111 111(00)");
    }
}
