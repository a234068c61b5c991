//! Every voice in the room: members vote from their own phones on the room's own network, with
//! no cloud service. The laptop serves a small page only while voting is open.
//!
//! [`poll`] holds the rules (pure), [`server`] the transport, [`page`] what the phone shows,
//! [`net`] the laptop's addresses; [`qr`] draws the page's address as a QR code.

pub mod cli;
pub mod net;
pub mod page;
pub mod poll;
pub mod qr;
pub mod server;

pub use poll::{ItemStatus, Poll, PollConfig, Rejection, Revealed, Scope};
pub use server::{Event, StartError, VoteServer};
