//! Every voice in the room: members vote from their own phones on the room's own network, with
//! no cloud service. The laptop serves a small page only while voting is open.
//!
//! [`poll`] holds the rules (pure), [`token`] the ids only this round can issue, [`journal`] every
//! accepted ballot on disk, [`server`] the transport, [`page`] what the phone shows,
//! [`net`] the laptop's addresses; [`qr`] draws the page's address as a QR code. `kizuki vote`,
//! the server without the window, is the command line's (`cli::vote`).

pub mod journal;
pub mod net;
pub mod page;
pub mod poll;
pub mod qr;
pub mod server;
pub mod token;

pub use poll::{ItemStatus, Oversight, Poll, PollConfig, Rejection, Released, Revealed, Scope};
pub use server::{Event, ServerOptions, Standing, StartError, VoteServer};
