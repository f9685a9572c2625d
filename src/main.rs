//! Berth: the Yew shell. It renders the view model computed by `berth-core` and sends actions back.

use yew::prelude::*;

#[component]
fn App() -> Html {
    html! {
        <main class="app">
            <h1>{ "Berth" }</h1>
            <p data-testid="boot">{ "Loading the playground…" }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
