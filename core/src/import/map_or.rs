//! [`MapOr`]: a document read as a format's struct when it is a mapping, and set aside otherwise. A
//! leaf shared by the format readers ([`super::ecs`], [`super::k8s`], [`super::compose`]), so that
//! they need nothing from [`super::detect`], which calls them.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A document that is a mapping (read as `T`), or anything else (a list, a scalar).
#[derive(Debug)]
pub enum MapOr<T> {
    /// A mapping.
    Map(T),
    /// Not a mapping.
    Other,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for MapOr<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = MapOr<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a document")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MapOr<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(MapOr::Map)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MapOr<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(MapOr::Other)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<MapOr<T>, E> {
                Ok(MapOr::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<MapOr<T>, E> {
                Ok(MapOr::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<MapOr<T>, E> {
                Ok(MapOr::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<MapOr<T>, E> {
                Ok(MapOr::Other)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<MapOr<T>, E> {
                Ok(MapOr::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<MapOr<T>, E> {
                Ok(MapOr::Other)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}
