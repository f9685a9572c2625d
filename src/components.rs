//! Components, one per file. Each renders a piece of the core's view model and sends actions
//! through the [`crate::store::Dispatch`] context; none of them computes anything.

pub mod answer_bar;
pub mod cards;
pub mod catalog_panel;
pub mod change_list;
pub mod chart;
pub mod charts;
pub mod commitments_panel;
pub mod control;
pub mod control_group;
pub mod cost_panel;
pub mod decision_panel;
pub mod diff_list;
pub mod embed_code;
pub mod export_csv;
pub mod header;
pub mod import_panel;
pub mod layout;
pub mod lazy_details;
pub mod notices;
pub mod option_card;
pub mod print_summary;
pub mod recommendation;
pub mod saved_menu;
pub mod source_link;
pub mod check_panel;
pub mod study_nav;
pub mod study_panel;
pub mod study_question;
pub mod study_reveal;
pub mod study_verdict;
pub mod trap_list;
pub mod bill;
