//! # Berth core
//!
//! The pure core of Berth, the in-browser decision and cost playground for running containers on AWS.
//! Nothing here touches the web: the Yew shell renders what this crate computes and sends back what
//! the user did. Everything is tested natively with `cargo test`.
//!
//! ## Where to start
//! - [`params`]: every input, defined once (URL key, label, range, default).
//! - [`state`]: the validated input state and the shared raw-value parser.
//! - [`url`]: deep links, with a notice for anything ignored or clamped.
//! - [`decision`]: hard-constraint rules, the five-step flow, plans, traps and explanations.
//! - [`catalog`]: the dated pricing catalog with sources; `cost`: monthly costs per platform.
//! - [`chart`]: scales, ticks, exact crossovers and chart geometry.
//! - [`format`]: every number written as text (money, quantities, percentages, durations), with one
//!   rounding rule and one rendering of a missing value.
//! - [`import`]: reads ECS task definitions, Kubernetes manifests and Compose files into inputs.

pub mod catalog;
pub mod chart;
pub mod cost;
pub mod decision;
pub mod document;
pub mod embed;
pub mod format;
pub mod import;
pub mod platform;
pub mod saved;
mod sort;
pub mod model;
pub mod opt;
pub mod params;
pub mod state;
pub mod study;
pub mod url;
pub mod view;
