//! The pricing catalog: every rate with its unit, region, as-of date and source.

pub mod ids;
