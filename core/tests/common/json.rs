//! Helpers shared by the document tests: JSON text read and written with `serde_json`, as the app
//! reads and writes it with the browser's `JSON.parse`/`JSON.stringify` and `serde_wasm_bindgen`.

#![allow(dead_code)]

use berth_core::document::DocError;
use proptest::prelude::*;
use serde_json::Value;

/// Reads `text` as the document type `T`, with the error the app gives.
pub fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DocError> {
    serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => DocError::Shape(e.to_string()),
        _ => DocError::NotJson(e.to_string()),
    })
}

/// Reads an already parsed JSON value as `T` (the app's path: parse first, then map).
pub fn from_value<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, DocError> {
    T::deserialize(v).map_err(|e| DocError::Shape(e.to_string()))
}

/// Indented JSON text of a serde value, as the export files are written.
pub fn pretty<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).expect("serializable")
}

/// Compact JSON text of a serde value, as local storage holds it.
pub fn compact<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serializable")
}

/// Any JSON value, nested a few levels, with keys drawn mostly from `keys` so that objects often
/// look like the format under test.
pub fn any_json(keys: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let key = prop_oneof![4 => prop::sample::select(keys).prop_map(str::to_string), 1 => any::<String>()];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |n| n.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        prop::sample::select(keys).prop_map(|k| Value::String(k.to_string())),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}
