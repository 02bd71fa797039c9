use leptos::prelude::*;

use crate::components::{ContentFigure, ContentTable, RichText};
use clinic_content::{Block, Inline};

/// A paragraph, a bulleted or numbered list, a table or a picture.
#[component]
pub fn ContentBlock(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph(content) => view! {
            <p>
                <RichText content />
            </p>
        }
        .into_any(),
        Block::List(items) => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::NumberedList(items) => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::Table(table) => view! { <ContentTable table /> }.into_any(),
        Block::Figure(figure) => view! { <ContentFigure figure /> }.into_any(),
    }
}

fn list_items(items: Vec<Vec<Inline>>) -> impl IntoView {
    items
        .into_iter()
        .map(|content| view! { <li><RichText content /></li> })
        .collect_view()
}

/// Several blocks in order.
pub fn blocks_view(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| view! { <ContentBlock block /> })
        .collect_view()
}
