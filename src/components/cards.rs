//! The option cards: the pick, the viable options by cost, then the ruled-out ones.

use std::rc::Rc;

use berth_core::view::CardView;
use yew::prelude::*;

use super::option_card::OptionCard;

/// Props of [`Cards`].
#[derive(Properties, PartialEq)]
pub struct CardsProps {
    /// The cards, in order.
    pub cards: Vec<Rc<CardView>>,
    /// Compact cards (embedded in a lesson): name, status and price, the rest behind details.
    #[prop_or(false)]
    pub compact: bool,
}

/// Every option card.
#[component]
pub fn Cards(props: &CardsProps) -> Html {
    html! {
        <section class="panel panel--cards" aria-labelledby="cards-title">
            <h2 id="cards-title" class="panel__title">{ "Every option" }</h2>
            <div class="cards">
                { for props.cards.iter().map(|c| html! { <OptionCard key={c.platform} card={c.clone()} compact={props.compact} /> }) }
            </div>
        </section>
    }
}
