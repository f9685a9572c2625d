//! The pricing catalog: every rate with its unit, region, as-of date, source and grade.
//!
//! Rates are data, not constants sprinkled through formulas, so that every figure on screen can be
//! traced to a source and replaced by the user. The pieces:
//! - [`ids`]: the regions and instance types the inputs can name (kept free of prices);
//! - [`sources`]: where figures come from and how much to trust them ([`sources::Grade`]);
//! - [`rates`]: every rate with its quotes by region, and [`rates::Rates`], one region resolved with
//!   the user's overrides, which is what the cost model reads;
//! - [`instances`]: EC2 shapes, network limits and prices;
//! - [`sizes`]: the task sizes Fargate and App Runner accept;
//! - [`overrides`]: the user's own rates, with JSON import and export;
//! - [`json`]: the small JSON reader and writer the export uses.

pub mod ids;
pub mod instances;
pub mod json;
pub mod overrides;
pub mod rates;
pub mod sizes;
pub mod sources;

pub use overrides::Overrides;
pub use rates::{InstanceRate, Rate, RateRef, Rates};
pub use sources::{Grade, SOURCES};

/// When this catalog was compiled (`YYYY-MM-DD`). Each value also carries the date its source was read,
/// which can be earlier.
pub const CATALOG_AS_OF: &str = "2026-11-22";
