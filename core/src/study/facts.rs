//! A scenario's facts as the engine reads them: the query string through the ordinary URL parser,
//! with the view keys reset and the learner's advice set. A leaf that the pack reader (checking a
//! pack against the engine) and the judge (answering a learner) both use.

use crate::decision::{decide, Decision, Facts};
use crate::params::{Advice, Group, Key, PARAMS};
use crate::state::{State, Val};
use crate::url::parse_query;

/// The input state of a scenario's facts under `advice` (every other input at its default; keys
/// that set how the page is shown are ignored).
pub fn state_for(facts: &str, advice: Advice) -> State {
    let (mut s, _) = parse_query(facts);
    for p in PARAMS.iter().filter(|p| p.group == Group::View) {
        s.reset(p.key);
    }
    let _ = s.set(Key::Advice, Val::Choice(advice as usize));
    s
}

/// The engine's decision on `facts` under `advice`.
pub fn decision_for(facts: &str, advice: Advice) -> Decision {
    decide(&Facts::from_state(&state_for(facts, advice)))
}
