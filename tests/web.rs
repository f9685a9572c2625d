//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! the Yew shell mounted on its own, checked through the same DOM contract the README documents.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn tick() {
    gloo::timers::future::sleep(Duration::from_millis(30)).await;
}

/// Waits (up to three seconds) for the page to be complete: the explore layout's `main` drops
/// `aria-busy` once the costs, charts, commitments and catalog are in.
async fn complete(root: &Element) {
    for _ in 0..100 {
        if root.query_selector("main").unwrap().is_some() && root.query_selector("main[aria-busy]").unwrap().is_none() {
            return;
        }
        tick().await;
    }
    panic!("the page never completed");
}

fn mount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<berth::App>::with_root(root.clone()).render();
    root
}

fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_renders_the_recommendation_and_cards() {
    let root = mount();
    tick().await;
    let rec = root.query_selector("[data-testid=recommendation]").unwrap().expect("recommendation");
    assert_eq!(attr(&rec, "data-platform"), "ecs-fargate", "defaults recommend ECS on Fargate");
    let cards = all(&root, "[data-testid=option-card]");
    assert_eq!(cards.len(), 10, "one card per platform");
    for c in &cards {
        let usd = attr(c, "data-monthly-usd");
        if !usd.is_empty() {
            let v: f64 = usd.parse().unwrap();
            assert!(v.is_finite() && v >= 0.0, "{usd}");
        }
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_checkbox_changes_the_recommendation() {
    let root = mount();
    tick().await;
    let gpu: HtmlInputElement = root.query_selector("input[data-key=gpu]").unwrap().expect("gpu control").unchecked_into();
    gpu.click();
    tick().await;
    let rec = root.query_selector("[data-testid=recommendation]").unwrap().unwrap();
    assert_eq!(attr(&rec, "data-platform"), "ecs-ec2", "GPU needs EC2 capacity");
    let ruled: Vec<String> = all(&root, "[data-testid=option-card][data-status=ruled-out]").iter().map(|c| attr(c, "data-platform")).collect();
    assert!(ruled.contains(&"ecs-fargate".to_string()), "{ruled:?}");
    gpu.click();
    tick().await;
    root.remove();
}

#[wasm_bindgen_test]
async fn the_answer_is_rendered_first_and_the_rest_follows() {
    let root = mount();
    // A zero timeout is queued before the frame that lets the rest in.
    gloo::timers::future::sleep(Duration::ZERO).await;
    let main = root.query_selector("main").unwrap().expect("main");
    assert_eq!(attr(&main, "aria-busy"), "true", "busy until the rest is in");
    assert!(root.query_selector("[data-testid=recommendation]").unwrap().is_some(), "the answer is in the first render");
    assert_eq!(all(&root, "[data-testid=option-card]").len(), 10, "so are the cards");
    assert!(root.query_selector("input[data-key=gpu]").unwrap().is_some(), "and the inputs");
    assert!(root.query_selector("[data-testid=chart]").unwrap().is_none(), "the charts are not");
    assert!(root.query_selector(".layout__pending").unwrap().is_some(), "their place is held");
    complete(&root).await;
    assert!(!main.has_attribute("aria-busy"));
    assert!(root.query_selector(".layout__pending").unwrap().is_none(), "the stand-in is gone");
    assert_eq!(all(&root, "[data-testid=option-card]").len(), 10, "the cards stay");
    assert!(root.query_selector("input[data-key=tasks][type=range]").unwrap().is_some(), "the cost sliders are in");
    assert!(!all(&root, "[data-testid=chart] svg").is_empty(), "the charts are in");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_slider_input_recomputes_the_cards() {
    let root = mount();
    complete(&root).await;
    let card = || root.query_selector("[data-testid=option-card][data-platform=ecs-fargate]").unwrap().unwrap();
    let before: f64 = attr(&card(), "data-monthly-usd").parse().unwrap();
    let slider: HtmlInputElement = root.query_selector("input[data-key=tasks][type=range]").unwrap().expect("tasks slider").unchecked_into();
    let more = slider.value_as_number() * 2.0 + 1.0;
    slider.set_value(&more.to_string());
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    slider.dispatch_event(&ev).unwrap();
    tick().await;
    let after: f64 = attr(&card(), "data-monthly-usd").parse().unwrap();
    assert!(after > before, "more tasks cost more on Fargate: {before} -> {after}");
    let number: HtmlInputElement = root.query_selector("input[data-key=tasks][type=number]").unwrap().unwrap().unchecked_into();
    assert_eq!(number.value_as_number(), more, "the typed number follows the slider");
    root.remove();
}

#[wasm_bindgen_test]
async fn one_task_each_runs_in_order_a_task_apart_and_stops_when_dropped() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let sleep = |ms| gloo::timers::future::sleep(Duration::from_millis(ms));

    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let guard = berth::web::one_task_each(vec![1, 2, 3], 10, move |i| s.borrow_mut().push(i));
    assert!(seen.borrow().is_empty(), "nothing runs in the task that asks");
    sleep(100).await;
    assert_eq!(*seen.borrow(), [1, 2, 3]);
    drop(guard);

    // Timers fire in the order of their deadlines: the first item's (50 ms) comes before the
    // sleep's (75 ms), the second's (100 ms) after it.
    let seen = Rc::new(RefCell::new(Vec::new()));
    let s = seen.clone();
    let guard = berth::web::one_task_each(vec![1, 2, 3], 50, move |i| s.borrow_mut().push(i));
    sleep(75).await;
    assert_eq!(*seen.borrow(), [1], "one item per gap");
    drop(guard);
    sleep(150).await;
    assert_eq!(*seen.borrow(), [1], "dropping the guard cancels what has not run");
}
