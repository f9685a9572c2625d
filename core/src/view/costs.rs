//! Every platform's monthly cost for the current inputs, computed once per change and shared by the
//! cards, the recommendation and the charts.
//!
//! Two adjustments happen here, each with a visible note, because they connect the decision to the
//! cost model: the deployment pattern the engine chose for a platform decides whether deployments
//! run two revisions side by side, and a GPU need prices the EC2-backed options on a GPU instance
//! type when the chosen one has none.

use crate::catalog::ids::{INSTANCE_OPTS, REGION_OPTS};
use crate::catalog::instances::INSTANCES;
use crate::catalog::{Overrides, RateRef, Rates};
use crate::cost::{breakdown, totals, Breakdown, CostInputs, DeployOverhead, NotCosted, NotViable};
use crate::decision::{plan, Decision, Status};
use crate::params::{Key, Pricing};
use crate::platform::{Platform, PLATFORM_COUNT};
use crate::state::State;

/// One platform's cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Costed {
    /// The bill, or why there is none, in words.
    pub result: Result<Breakdown, String>,
    /// Why there is no bill, as data (the card's status and its fix are read from it).
    pub error: Option<NotCosted>,
    /// Why the inputs were adjusted for this platform, if they were.
    pub notes: Vec<String>,
    /// The inputs the bill was computed from.
    pub inputs: CostInputs,
    /// The deployment overhead applied.
    pub deploy: DeployOverhead,
}

/// Every platform's cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Costs {
    /// The rates used (region and overrides applied).
    pub rates: Rates,
    /// One per platform, in [`Platform::ALL`] order.
    pub per_platform: Vec<Costed>,
    /// Rank among the viable options with a figure (1 = cheapest).
    pub rank: [Option<usize>; PLATFORM_COUNT],
}

impl Costs {
    /// Monthly total of `p`, if it has one.
    pub fn monthly(&self, p: Platform) -> Option<f64> {
        self.per_platform[p.index()].result.as_ref().ok().map(|b| b.monthly)
    }
}

/// The cheapest GPU instance type of the catalog in `region`, if any is priced there.
fn gpu_instance(rates: &Rates) -> Option<usize> {
    use crate::catalog::{InstanceRate, RateRef};
    INSTANCES
        .iter()
        .enumerate()
        .filter(|(_, i)| i.gpus > 0)
        .filter_map(|(k, _)| rates.get(RateRef::ec2(InstanceRate::OnDemand, k)).map(|p| (k, p)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

fn uses_ec2(p: Platform, d: &Decision) -> bool {
    match p {
        Platform::EcsEc2 | Platform::EksEc2 => true,
        Platform::Batch => plan::batch_compute(&d.facts) == plan::BatchCompute::Ec2,
        _ => false,
    }
}

/// The inputs and deployment overhead used for platform `p`, with notes on any adjustment.
pub fn inputs_for(p: Platform, base: &CostInputs, d: &Decision, rates: &Rates) -> (CostInputs, DeployOverhead, Vec<String>) {
    let mut inp = *base;
    let mut notes = Vec::new();
    if base.gpu && uses_ec2(p, d) && INSTANCES.get(base.instance).is_some_and(|i| i.gpus == 0) {
        if let Some(g) = gpu_instance(rates) {
            notes.push(format!(
                "{} has no GPU, so this option is priced on {}, the cheapest GPU type in the catalog; choose another under “EC2 instance type”.",
                INSTANCE_OPTS[base.instance].id, INSTANCE_OPTS[g].id
            ));
            inp.instance = g;
        }
    }
    let pl = plan::plan(p, &d.facts);
    let side_by_side = pl.deploy.is_some_and(|dp| dp.runs_both_revisions());
    let deploy = if side_by_side { DeployOverhead::SIDE_BY_SIDE } else { DeployOverhead::ROLLING };
    (inp, deploy, notes)
}

/// What the instance-type control should say when the EC2-backed options are priced on another type
/// than the one chosen (a GPU workload on a type without GPUs): which type is priced, and why.
pub fn priced_instance_note(state: &State, costs: &Costs) -> Option<String> {
    let chosen = state.choice(Key::Instance);
    let used = Platform::ALL
        .into_iter()
        .map(|p| costs.per_platform[p.index()].inputs.instance)
        .find(|&i| i != chosen)?;
    Some(format!(
        "The EC2 options are priced on {}: {} has no GPU.",
        INSTANCE_OPTS.get(used)?.id,
        INSTANCE_OPTS.get(chosen)?.id
    ))
}

/// The status a card shows: the rules' status, except that an option the rules allow but whose task
/// cannot run as set up (one task does not fit the chosen instance type, or is larger than the
/// platform's largest size) is shown as ruled out, so that its card, `data-status`, the
/// recommendation's "also viable" list and the charts (which draw only options with a figure) say
/// the same. The pick keeps its status: it is the rules' answer, and its cost says what to change.
pub fn shown_status(p: Platform, rules: Status, costs: &Costs) -> Status {
    let unfit = matches!(costs.per_platform[p.index()].error, Some(NotCosted::NotViable(_)));
    if rules == Status::Viable && unfit {
        Status::RuledOut
    } else {
        rules
    }
}

/// A rate missing from the catalog, in words rather than ids: the rate's label and the Region's name.
pub fn missing_rate(rate: RateRef, region: usize) -> String {
    format!("No catalog price for {} in {}", rate.label(), REGION_OPTS.get(region).map_or("this Region", |o| o.label))
}

/// A rate AWS does not offer in the Region, in words: what, where and why, with the source's title.
pub fn not_offered(rate: RateRef, region: usize) -> Option<String> {
    let a = rate.absence(region)?;
    let src = crate::catalog::sources::source(a.source).map_or(a.source, |s| s.title);
    let place = REGION_OPTS.get(region).map_or("this Region", |o| o.label);
    Some(format!("Not offered in {place}: {} ({}; source: {src}, as of {})", rate.label(), a.reason, a.as_of))
}

fn why(e: NotCosted) -> String {
    match e {
        NotCosted::MissingRate { rate, region } => match not_offered(rate, region) {
            Some(t) => format!("{t}."),
            None => format!("{}. Add your own price for it in the pricing catalog to cost this option.", missing_rate(rate, region)),
        },
        NotCosted::NotViable(v) => format!("Not viable: {v}."),
    }
}

/// Costs every platform for the state, decision and overrides.
pub fn costs(state: &State, d: &Decision, overrides: &Overrides) -> Costs {
    let base = CostInputs::from_state(state);
    let rates = Rates::resolve(state.choice(Key::Region), overrides);
    let pricing: Pricing = state.pricing();
    let per_platform: Vec<Costed> = Platform::ALL
        .into_iter()
        .map(|p| {
            let (inputs, deploy, notes) = inputs_for(p, &base, d, &rates);
            let result = breakdown(p, pricing, &inputs, &rates, deploy);
            let error = result.as_ref().err().copied();
            Costed { result: result.map_err(why), error, notes, inputs, deploy }
        })
        .collect();
    let mut ranked: Vec<(Platform, f64)> = Platform::ALL
        .into_iter()
        .filter(|p| d.status(*p) != Status::RuledOut)
        .filter_map(|p| per_platform[p.index()].result.as_ref().ok().map(|b| (p, b.monthly)))
        .collect();
    crate::sort::sort_by(&mut ranked, |a, b| a.1.total_cmp(&b.1).then(a.0.index().cmp(&b.0.index())));
    let mut rank = [None; PLATFORM_COUNT];
    for (i, (p, _)) in ranked.iter().enumerate() {
        rank[p.index()] = Some(i + 1);
    }
    Costs { rates, per_platform, rank }
}

/// The cheapest instance type on which platform `p`'s task fits (with a GPU when one is needed),
/// for a card whose task does not fit the chosen one; `None` when no instance type helps.
pub fn fitting_instance(p: Platform, state: &State, costs: &Costs) -> Option<usize> {
    let c = &costs.per_platform[p.index()];
    let instance_bound = matches!(
        c.error,
        Some(NotCosted::NotViable(NotViable::TaskTooLargeForInstance { .. } | NotViable::InstanceLacksGpu { .. }))
    );
    if !instance_bound {
        return None;
    }
    let pricing = state.pricing();
    (0..INSTANCE_OPTS.len())
        .filter_map(|k| {
            let inp = CostInputs { instance: k, ..c.inputs };
            totals(p, pricing, &inp, &costs.rates, c.deploy).ok().map(|t| (k, t.monthly))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance_note(q: &str) -> String {
        let p = crate::view::tests::page_for(q);
        p.cost_groups.iter().flat_map(|g| &g.controls).find(|c| c.key == Key::Instance).unwrap().note.clone()
    }

    #[test]
    fn the_instance_control_names_the_type_actually_priced() {
        assert_eq!(instance_note(""), "");
        let gpu = instance_note("gpu=1");
        assert!(gpu.contains("g4dn.xlarge") && gpu.contains("m5.large has no GPU"), "{gpu}");
        assert_eq!(instance_note("gpu=1&instance=g5.xlarge"), "");
    }
}
