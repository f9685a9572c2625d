//! One stable sort for the whole crate.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site compiles
//! its own copy of the standard library's driftsort (several KB of wasm each). The few vectors
//! sorted here are short and hold `Copy` values, so they share one non-generic merge sort on
//! indices instead. The result is exactly what a stable sort gives: equal elements keep their order.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub(crate) fn sort_by<T: Copy>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = v;
        sorted_indices(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    let sorted: Vec<T> = order.into_iter().map(|i| v[i]).collect();
    *v = sorted;
}

/// The indices `0..n` in stable sorted order: a bottom-up merge sort.
#[inline(never)]
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // Take from the right run only when it is strictly smaller: that keeps it stable.
                if j < hi && (i >= mid || cmp(a[j], a[i]) == Ordering::Less) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            let mut got = v;
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(got, want);
        }

        #[test]
        fn sorts_floats_like_total_cmp(v in proptest::collection::vec(any::<f64>(), 0..100)) {
            let mut want = v.clone();
            want.sort_by(f64::total_cmp);
            let mut got = v;
            sort_by(&mut got, f64::total_cmp);
            prop_assert_eq!(got.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), want.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        }
    }
}
