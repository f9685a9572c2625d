//! The app's model and the one function that changes it.
//!
//! The Yew shell keeps a [`Model`] in a reducer and sends it [`Action`]s; [`update`] is the only
//! place the model changes, so every rule about input (clamping, locks, notices, keeping the EC2
//! instance on the chosen architecture) is here, tested natively. Side effects (writing the URL,
//! local storage, messages to a host page) are the shell's job, done in effects after a change.

use crate::catalog::instances::INSTANCES;
use crate::catalog::{overrides_link, Overrides, RateRef};
use crate::decision::flips::Change;
use crate::params::{Key, Kind};
use crate::platform::Platform;
use crate::state::{State, Val};
use crate::study::{self, Loaded, Pack, Progress};
use std::rc::Rc;
use crate::url::{cap_notices, describe, parse_query, Notice};

/// Everything the page shows is derived from this.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Model {
    /// The inputs (the URL holds exactly this).
    pub state: State,
    /// Notices about ignored or changed input, newest last.
    pub notices: Vec<Notice>,
    /// The user's rate overrides (kept in local storage, not in the URL).
    pub overrides: Overrides,
    /// The overrides came from the link (`rates=`): they are not saved, and `rates=` follows them.
    pub link_rates: bool,
    /// Study progress on the loaded pack (kept in local storage, not in the URL).
    pub progress: Progress,
    /// The progress before the last "Reset progress", until it is undone or the pack changes.
    pub progress_undo: Option<Progress>,
    /// The scenarios study and check mode run: the built-in ones or the `pack=` (fetched by the shell).
    pub pack: Loaded,
    /// The study choice picked but not yet revealed.
    pub study_pick: Option<Platform>,
    /// Counts revealed study answers, so the shell can tell the host page about each one.
    pub answer_seq: u32,
    /// The page is phone-narrow: charts are drawn for a small box (set by the shell from the
    /// viewport; not an input, not in the URL).
    pub narrow: bool,
    /// A chart dragged and the axis window it had when the drag began: its chart keeps that window
    /// while its input stays inside it, during the drag and after it, so the value under the
    /// pointer does not run away and the axis does not jump when the pointer is let go. An input
    /// moved outside the window (by its slider, a link) lets the window follow it again. Not an
    /// input, not in the URL.
    pub hold: Option<(crate::chart::Axis, (f64, f64))>,
    /// The width the charts are drawn at, in CSS pixels (measured by the shell; 0 until then): the
    /// charts' view box is that wide, so their 12 px labels are drawn at 12 px, never scaled down.
    pub chart_width: [f64; 3],
}

/// Something the user (or the page) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set an input to a typed value (a checkbox, a select, a slider).
    Set(Key, Val),
    /// Set an input from typed text (a number box).
    SetRaw(Key, String),
    /// Set `rps` from a typed number of requests a month (the traffic box's other unit): the rate
    /// that makes that many requests in `hours`, to `rps`'s full precision.
    SetRpsPerMonth(String),
    /// Flip a flag.
    Toggle(Key),
    /// Apply a suggested change of the decision inputs ("what would change the answer").
    Apply(Vec<Change>),
    /// Replace the inputs with those of a query string (a deep link, back/forward, a saved scenario).
    LoadQuery(String),
    /// Put every input back to its default (locks and view inputs are kept).
    ResetInputs,
    /// Dismiss one notice.
    DismissNotice(usize),
    /// Dismiss every notice.
    DismissNotices,
    /// Override a rate for one region (`None`: every region) from typed text.
    SetOverride(RateRef, Option<usize>, String),
    /// Remove one override.
    ClearOverride(RateRef, Option<usize>),
    /// Remove every override.
    ClearOverrides,
    /// Replace the overrides with an imported set.
    ReplaceOverrides(Overrides),
    /// Show a notice that the shell produced (storage, clipboard, import problems).
    Notify(Notice),
    /// Study mode: pick an answer to the current scenario.
    StudyPick(Platform),
    /// Study mode: reveal the engine's answer and record the pick.
    StudyReveal,
    /// Study mode: forget the answer to the current scenario and answer it again.
    StudyRetry,
    /// Study mode: open the scenario with this id.
    StudyGo(String),
    /// Study mode: forget every answer (the progress is kept for one undo).
    StudyResetProgress,
    /// Study mode: put back the progress the last reset forgot.
    StudyUndoReset,
    /// Replace the study progress (loaded from storage).
    ReplaceProgress(Progress),
    /// The scenarios study mode runs arrived and were read, with the stored progress on them.
    PackLoaded(Rc<Pack>, Progress),
    /// Not even the built-in scenarios could be read: why.
    PackFailed(String),
    /// The viewport became phone-narrow (or stopped being so).
    SetNarrow(bool),
    /// A drag on a chart began (its axis and window), or its window is let go (`None`).
    HoldChart(Option<(crate::chart::Axis, (f64, f64))>),
    /// The chart of this axis is this many CSS pixels wide.
    SetChartWidth(crate::chart::Axis, f64),
}

impl Model {
    /// A model from a query string, with a notice for anything in it that was ignored or changed.
    pub fn from_query(query: &str) -> Model {
        let (state, notices) = parse_query(query);
        let mut m = Model { state, notices, ..Model::default() };
        adopt_link_rates(&mut m);
        m
    }
}

fn locked(m: &mut Model, k: Key) -> bool {
    if m.state.is_locked(k) {
        let label = k.param().label;
        push(m, Notice { key: k.name().into(), text: format!("“{label}” is fixed by this lesson and cannot be changed here.") });
        true
    } else {
        false
    }
}

fn push(m: &mut Model, n: Notice) {
    m.notices.retain(|o| o != &n);
    m.notices.push(n);
    m.notices = cap_notices(std::mem::take(&mut m.notices));
}

/// Keeps the EC2 instance type on the chosen architecture: switching `arch` swaps the instance for
/// the same shape on the other architecture when the catalog has one.
fn follow_arch(m: &mut Model) {
    let arch = m.state.arch();
    let i = m.state.choice(Key::Instance);
    let Some(cur) = INSTANCES.get(i) else { return };
    if cur.arch == arch || cur.gpus > 0 {
        return;
    }
    let best = INSTANCES
        .iter()
        .enumerate()
        .filter(|(_, c)| c.arch == arch && c.gpus == 0)
        .min_by(|(_, a), (_, b)| {
            let da = (a.vcpu - cur.vcpu).abs() * 8.0 + (a.mem_gib - cur.mem_gib).abs();
            let db = (b.vcpu - cur.vcpu).abs() * 8.0 + (b.mem_gib - cur.mem_gib).abs();
            da.total_cmp(&db)
        });
    if let Some((j, _)) = best {
        let _ = m.state.set(Key::Instance, Val::Choice(j));
    }
}

fn set(m: &mut Model, k: Key, v: Val) {
    if locked(m, k) {
        return;
    }
    let raw = match &v {
        Val::Num(n) => crate::format::trimmed(*n, 6),
        _ => String::new(),
    };
    if let Some(why) = m.state.set(k, v) {
        let text = describe(k, &raw, &why, &m.state);
        push(m, Notice { key: k.name().into(), text });
    }
    if k == Key::Arch {
        follow_arch(m);
    }
}

/// Applies one action to the model.
pub fn update(m: &mut Model, a: Action) {
    let loaded = matches!(a, Action::LoadQuery(_));
    apply(m, a);
    if loaded {
        adopt_link_rates(m);
    }
    release_hold(m);
    // While a link's overrides are in use, `rates=` says what they are now.
    if m.link_rates {
        let text = overrides_link::encode(&m.overrides);
        if text != m.state.token(Key::Rates) {
            let _ = m.state.set(Key::Rates, Val::Token(text));
        }
    }
}

/// Lets a held chart window go once its input is outside it (the tasks chart's input is the peak
/// the costs use, derived from traffic when capacity follows it).
fn release_hold(m: &mut Model) {
    if let Some((axis, (lo, hi))) = m.hold {
        let v = match axis {
            crate::chart::Axis::Tasks => crate::cost::CostInputs::from_state(&m.state).tasks,
            other => m.state.num(other.key()),
        };
        if !(v >= lo && v <= hi) {
            m.hold = None;
        }
    }
}

/// Takes the overrides a link carries (`rates=`), if any: they replace the model's for this page,
/// with a notice, and a notice for every item left out.
fn adopt_link_rates(m: &mut Model) {
    let text = m.state.token(Key::Rates).to_string();
    if text.is_empty() {
        return;
    }
    let (o, problems) = overrides_link::decode(&text);
    for p in problems {
        push(m, Notice { key: Key::Rates.name().into(), text: format!("A price override in this link was left out: {p}.") });
    }
    let n = o.len();
    push(m, Notice {
        key: Key::Rates.name().into(),
        text: format!(
            "This link carries {n} price override{}; the prices shown use them. They apply while it is open and are not saved, and your own overrides stay as they were.",
            if n == 1 { "" } else { "s" }
        ),
    });
    m.overrides = o;
    m.link_rates = true;
}

fn apply(m: &mut Model, a: Action) {
    match a {
        Action::Set(k, v) => set(m, k, v),
        Action::SetRaw(k, raw) => {
            if locked(m, k) {
                return;
            }
            if let Some(why) = m.state.set_raw(k, &raw) {
                let text = describe(k, &raw, &why, &m.state);
                push(m, Notice { key: k.name().into(), text });
            }
            if k == Key::Arch {
                follow_arch(m);
            }
        }
        Action::SetRpsPerMonth(raw) => {
            if locked(m, Key::Rps) {
                return;
            }
            match raw.trim().parse::<f64>() {
                Ok(n) if n.is_finite() => {
                    let seconds = 3600.0 * m.state.num(Key::Hours);
                    let f = 10f64.powi(crate::params::RPS_DECIMALS as i32);
                    let rps = (n / seconds * f).round() / f;
                    set(m, Key::Rps, Val::Num(if rps == 0.0 { 0.0 } else { rps }));
                }
                Ok(_) => {
                    let text = describe(Key::Rps, &raw, &crate::state::Adjust::NotFinite, &m.state);
                    push(m, Notice { key: Key::Rps.name().into(), text });
                }
                Err(_) => {
                    let text = describe(Key::Rps, &raw, &crate::state::Adjust::NotANumber, &m.state);
                    push(m, Notice { key: Key::Rps.name().into(), text });
                }
            }
        }
        Action::Toggle(k) => {
            if matches!(k.param().kind, Kind::Flag { .. }) {
                let on = m.state.flag(k);
                set(m, k, Val::Flag(!on));
            }
        }
        Action::Apply(changes) => {
            for c in changes {
                set(m, c.key(), c.value());
            }
        }
        Action::LoadQuery(q) => {
            let (state, notices) = parse_query(&q);
            if state.token(Key::Q) != m.state.token(Key::Q) {
                m.study_pick = None;
            }
            m.state = state;
            m.notices = notices;
        }
        Action::ResetInputs => {
            for p in crate::params::PARAMS {
                if p.group != crate::params::Group::View && !m.state.is_locked(p.key) {
                    m.state.reset(p.key);
                }
            }
        }
        Action::DismissNotice(i) => {
            if i < m.notices.len() {
                m.notices.remove(i);
            }
        }
        Action::DismissNotices => m.notices.clear(),
        Action::SetNarrow(narrow) => m.narrow = narrow,
        Action::HoldChart(hold) => m.hold = hold,
        Action::SetChartWidth(axis, w) => {
            if let Some(i) = crate::chart::Axis::ALL.iter().position(|a| *a == axis) {
                m.chart_width[i] = if w.is_finite() { w.clamp(0.0, 4000.0).round() } else { 0.0 };
            }
        }
        Action::SetOverride(rate, region, raw) => match raw.trim().parse::<f64>() {
            Ok(v) => {
                if let Err(bad) = m.overrides.set(rate, region, v) {
                    push(m, Notice { key: rate.id().into_owned(), text: format!("Override for {} not saved: {}.", rate.label(), bad.text()) });
                }
            }
            Err(_) => push(m, Notice {
                key: rate.id().into_owned(),
                text: format!("Override for {}: “{}” is not a number; nothing was changed.", rate.label(), crate::url::shown(&raw)),
            }),
        },
        Action::ClearOverride(rate, region) => {
            m.overrides.remove(rate, region);
        }
        Action::ClearOverrides => m.overrides.clear(),
        Action::ReplaceOverrides(o) => m.overrides = o,
        Action::Notify(n) => push(m, n),
        Action::StudyPick(p) => m.study_pick = Some(p),
        Action::StudyReveal => {
            let Some(pack) = m.pack.pack().cloned() else { return };
            let (s, _) = study::current(&pack, m.state.token(Key::Q));
            match m.study_pick.and_then(|p| study::judge(s, p, m.state.advice())) {
                Some(a) => {
                    m.progress.record(a);
                    m.study_pick = None;
                    m.answer_seq = m.answer_seq.wrapping_add(1);
                }
                None => push(m, Notice { key: Key::Q.name().into(), text: "Pick one of the answers first, then reveal.".into() }),
            }
        }
        Action::StudyRetry => {
            let Some(pack) = m.pack.pack().cloned() else { return };
            let (s, _) = study::current(&pack, m.state.token(Key::Q));
            m.progress.forget(&s.id);
            m.study_pick = None;
        }
        Action::StudyGo(id) => {
            if m.pack.pack().is_some_and(|p| p.scenario(&id).is_some()) {
                let _ = m.state.set(Key::Q, Val::Token(id));
                m.study_pick = None;
            }
        }
        Action::StudyResetProgress => {
            if !m.progress.is_empty() {
                m.progress_undo = Some(m.progress.clone());
            }
            m.progress.clear();
            m.study_pick = None;
        }
        Action::StudyUndoReset => {
            if let Some(p) = m.progress_undo.take() {
                m.progress = p;
            }
        }
        Action::ReplaceProgress(p) => m.progress = p,
        Action::PackLoaded(p, progress) => {
            m.study_pick = None;
            m.progress_undo = None;
            m.pack = Loaded::Ready(p);
            m.progress = progress;
        }
        Action::PackFailed(why) => m.pack = Loaded::Failed(why),
    }
}

/// The models one slider step away from `m`, one for each slider that is not locked, each stepped
/// towards the middle of its slider's range. These are what the page computes when
/// a slider first moves; the shell computes their pages once, in the background after load, so
/// that the first drag does not also pay for compiling the code it runs.
pub fn slider_neighbours(m: &Model) -> Vec<Model> {
    crate::params::PARAMS
        .iter()
        .filter_map(|p| match p.kind {
            Kind::Number { slider: Some(s), .. } if !m.state.is_locked(p.key) => {
                let v = m.state.num(p.key);
                let next = if v < (s.min + s.max) / 2.0 { v + s.step } else { v - s.step };
                let mut n = m.clone();
                update(&mut n, Action::Set(p.key, Val::Num(next)));
                (n.state.num(p.key) != v).then_some(n)
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Advice, Arch};

    #[test]
    fn slider_neighbours_are_one_step_towards_the_middle_of_each_slider() {
        let sliders: Vec<_> = crate::params::PARAMS
            .iter()
            .filter_map(|p| match p.kind {
                Kind::Number { slider: Some(s), .. } => Some((p.key, s)),
                _ => None,
            })
            .collect();
        assert!(sliders.len() >= 3);
        for query in ["", "util=100&tasks=1&rps=1000", "tasks=600&util=0.5", "workload=batch&mode=study"] {
            let m = Model::from_query(query);
            let ns = slider_neighbours(&m);
            assert_eq!(ns.len(), sliders.len(), "{query}");
            for (n, (k, s)) in ns.iter().zip(&sliders) {
                let (was, now) = (m.state.num(*k), n.state.num(*k));
                assert!((now - was).abs() <= s.step * (1.0 + 1e-9) && now != was, "{query}: {k:?} {was} -> {now}");
                let mid = (s.min + s.max) / 2.0;
                if was != mid {
                    assert!((now - mid).abs() < (was - mid).abs(), "{query}: {k:?} moves away from the middle");
                }
                if (s.min..=s.max).contains(&was) {
                    assert!((s.min..=s.max).contains(&now), "{query}: {k:?} leaves the slider's range");
                }
                let mut back = n.clone();
                update(&mut back, Action::Set(*k, Val::Num(was)));
                assert_eq!(back, m, "{query}: {k:?} is the only difference");
            }
        }
    }

    #[test]
    fn locked_sliders_have_no_neighbour() {
        let m = Model::from_query("lock=util,tasks");
        let ns = slider_neighbours(&m);
        assert!(!ns.is_empty());
        for n in &ns {
            assert_eq!(n.state.num(Key::Util), m.state.num(Key::Util));
            assert_eq!(n.state.num(Key::Tasks), m.state.num(Key::Tasks));
            assert!(n.notices.is_empty());
        }
    }

    #[test]
    fn locked_inputs_do_not_change() {
        let mut m = Model::from_query("gpu=1&lock=gpu,ops");
        update(&mut m, Action::Toggle(Key::Gpu));
        assert!(m.state.flag(Key::Gpu));
        assert!(m.notices.last().unwrap().text.contains("fixed by this lesson"));
        update(&mut m, Action::SetRaw(Key::Ops, "full".into()));
        assert_eq!(m.state.choice_id(Key::Ops), "balanced");
        update(&mut m, Action::Toggle(Key::K8s));
        assert!(m.state.flag(Key::K8s));
    }

    #[test]
    fn typed_numbers_are_clamped_with_a_notice() {
        let mut m = Model::default();
        update(&mut m, Action::SetRaw(Key::Util, "250".into()));
        assert_eq!(m.state.num(Key::Util), 100.0);
        assert_eq!(m.notices.len(), 1);
        update(&mut m, Action::SetRaw(Key::Util, "abc".into()));
        assert_eq!(m.state.num(Key::Util), 100.0);
        assert_eq!(m.notices.len(), 2);
        update(&mut m, Action::DismissNotices);
        assert!(m.notices.is_empty());
    }

    #[test]
    fn arch_switch_keeps_the_instance_shape() {
        let mut m = Model::default();
        assert_eq!(m.state.choice_id(Key::Instance), "m5.large");
        update(&mut m, Action::Set(Key::Arch, Val::Choice(Arch::Arm as usize)));
        let id = m.state.choice_id(Key::Instance);
        let inst = &INSTANCES[m.state.choice(Key::Instance)];
        assert_eq!(inst.arch, Arch::Arm, "{id}");
        assert_eq!((inst.vcpu, inst.mem_gib), (2.0, 8.0), "{id}");
    }

    #[test]
    fn study_pick_reveal_retry_and_navigate() {
        let mut m = Model::from_query("mode=study&q=gpu-least-ops&advice=exam");
        update(&mut m, Action::PackLoaded(study::builtin_for_tests(), Default::default()));
        update(&mut m, Action::StudyReveal);
        assert!(m.progress.is_empty() && m.answer_seq == 0);
        assert!(m.notices.last().unwrap().text.contains("Pick one"));
        let pack = study::builtin_for_tests();
        let s = pack.scenario("gpu-least-ops").unwrap();
        let expected = s.expected(crate::params::Advice::Exam).unwrap();
        update(&mut m, Action::StudyPick(expected));
        update(&mut m, Action::StudyReveal);
        let a = m.progress.answer("gpu-least-ops").unwrap();
        assert!(a.correct && a.expected == expected);
        assert_eq!((m.answer_seq, m.study_pick), (1, None));
        update(&mut m, Action::StudyRetry);
        assert!(m.progress.is_empty());
        update(&mut m, Action::StudyPick(expected));
        update(&mut m, Action::StudyGo("mesh-mtls".into()));
        assert_eq!(m.state.token(Key::Q), "mesh-mtls");
        assert_eq!(m.study_pick, None);
        update(&mut m, Action::StudyGo("no-such-scenario".into()));
        assert_eq!(m.state.token(Key::Q), "mesh-mtls");
        update(&mut m, Action::StudyPick(Platform::EcsFargate));
        update(&mut m, Action::StudyReveal);
        assert_eq!(m.progress.score(&pack).answered, 1);
        update(&mut m, Action::StudyResetProgress);
        assert!(m.progress.is_empty());
        update(&mut m, Action::StudyUndoReset);
        assert_eq!(m.progress.score(&pack).answered, 1, "undo puts the reset answers back");
        assert!(m.progress_undo.is_none());
        update(&mut m, Action::StudyUndoReset);
        assert_eq!(m.progress.score(&pack).answered, 1);
    }

    #[test]
    fn a_link_carries_overrides_and_rates_follows_them() {
        let fargate = RateRef::from_id("fargate.vcpu.x86").unwrap();
        let mut m = Model::from_query("tasks=6&rates=fargate.vcpu.x86@us-east-1:0.08,nope@all:1");
        assert!(m.link_rates);
        assert_eq!(m.overrides.value_for(fargate, 0), Some(0.08));
        assert_eq!(m.overrides.len(), 1);
        assert!(m.notices.iter().any(|n| n.key == "rates" && n.text.contains("carries 1 price override")));
        assert!(m.notices.iter().any(|n| n.key == "rates" && n.text.contains("names no rate")));
        // `rates=` says what the overrides are now, after every change.
        assert_eq!(m.state.token(Key::Rates), "fargate.vcpu.x86@us-east-1:0.08,nope@all:1");
        update(&mut m, Action::SetOverride(fargate, Some(0), "0.09".into()));
        assert_eq!(m.state.token(Key::Rates), "fargate.vcpu.x86@us-east-1:0.09");
        update(&mut m, Action::LoadQuery("gpu=1".into()));
        assert_eq!(m.state.token(Key::Rates), "fargate.vcpu.x86@us-east-1:0.09", "a loaded scenario keeps the link's prices");
        update(&mut m, Action::ClearOverrides);
        assert_eq!(m.state.token(Key::Rates), "");
        assert!(m.link_rates, "still not the user's own set: nothing is saved over it");
        // A plain link carries none.
        let plain = Model::from_query("tasks=6");
        assert!(!plain.link_rates && plain.overrides.is_empty());
    }

    #[test]
    fn a_verdict_follows_the_advice_chosen_after_the_reveal() {
        let mut m = Model::from_query("mode=study&q=code-only-web-app&advice=current");
        update(&mut m, Action::PackLoaded(study::builtin_for_tests(), Default::default()));
        let pack = study::builtin_for_tests();
        let s = pack.scenario("code-only-web-app").unwrap();
        let (exam, current) = (s.expected(Advice::Exam).unwrap(), s.expected(Advice::Current).unwrap());
        assert_ne!(exam, current, "the scenario must differ between the advices");
        update(&mut m, Action::StudyPick(current));
        update(&mut m, Action::StudyReveal);
        update(&mut m, Action::Set(Key::Advice, Val::Choice(Advice::Exam as usize)));
        let crate::view::study::Pending::Ready(v) = crate::view::study::view(&m) else { panic!("not ready") };
        let v = v.verdict.unwrap();
        assert_eq!((v.advice, v.correct, v.expected), ("exam", false, exam.id()));
        assert!(v.scored.as_deref().is_some_and(|t| t.contains("today's AWS advice") && t.ends_with("right.")), "{:?}", v.scored);
        assert_eq!(m.progress.score(&pack).correct, 1, "the score keeps what was revealed");
    }

    #[test]
    fn applying_a_flip_and_resetting() {
        let mut m = Model::from_query("gpu=1&util=70");
        update(&mut m, Action::Apply(vec![Change::Flag(Key::Gpu, false), Change::Flag(Key::K8s, true)]));
        assert!(!m.state.flag(Key::Gpu) && m.state.flag(Key::K8s));
        update(&mut m, Action::ResetInputs);
        assert_eq!(m.state, State::default());
    }
}
