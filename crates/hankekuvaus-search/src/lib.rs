#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod corpus;
mod facets;
mod index;
mod postings;
mod query;
mod search;
mod snippet;
mod text;
mod units;
mod walk;

pub use facets::{facets, organisation_matches, organisations, Amount, Counts, Facet, Filter};
pub use index::{DocId, Index};
pub use query::{Query, QueryError, QueryErrorKind};
pub use search::{Hit, HitWords};
pub use snippet::{Location, Snippet};
pub use units::Field;
