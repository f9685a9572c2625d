//! The pricing catalog: every rate with its unit, region, as-of date, source and grade.
//!
//! Rates are data, not constants sprinkled through formulas, so that every figure on screen can be
//! traced to a source and replaced by the user. The pieces, each importing only those above it:
//! - [`sources`]: where figures come from and how much to trust them ([`sources::Grade`]);
//! - [`types`]: the leaf types and their limits ([`Quote`], [`ValueKind`], [`types::BadValue`]);
//! - [`ids`]: the regions and instance types the inputs can name (kept free of prices);
//! - [`instances`]: EC2 shapes and network limits, and their prices as quotes;
//! - [`sizes`]: the task sizes Fargate and App Runner accept;
//! - [`rate_ids`]: which rates exist and how they are addressed ([`Rate`], [`InstanceRate`], [`RateRef`]);
//! - [`table`]: the rate table (text id, label, unit, quotes by region) and what a [`RateRef`] means;
//! - [`overrides`]: the user's own rates;
//! - [`overrides_json`]: their export format, written and read back;
//! - [`resolved`]: [`Rates`], one region resolved with the user's overrides, which the cost model reads;

pub mod ids;
pub mod instances;
pub mod overrides;
pub mod overrides_json;
pub mod overrides_link;
pub mod rate_ids;
pub mod resolved;
pub mod sizes;
pub mod sources;
pub mod table;
pub mod types;

pub use overrides::Overrides;
pub use rate_ids::{InstanceRate, Rate, RateRef, RATE_COUNT};
pub use resolved::{Origin, Rates};
pub use sources::{Grade, SOURCES};
pub use table::CATALOG_AS_OF;
pub use types::{Quote, ValueKind};
