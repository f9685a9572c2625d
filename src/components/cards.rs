//! The option cards: the pick, the viable options by cost, then the ruled-out ones.

use std::rc::Rc;

use berth_core::view::CardView;
use yew::prelude::*;

use super::option_card::OptionCard;

/// Every option card, in order (a plain function: see [`super::source_link::source_link`]).
pub fn cards(cards: &[Rc<CardView>]) -> Html {
    html! {
        <section class="panel panel--cards" aria-labelledby="cards-title">
            <h2 id="cards-title" class="panel__title">{ "Every option" }</h2>
            <div class="cards">
                { for cards.iter().map(|c| html! { <OptionCard key={c.platform} card={c.clone()} /> }) }
            </div>
        </section>
    }
}
