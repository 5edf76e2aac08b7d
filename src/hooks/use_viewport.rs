//! A scrolling box's scroll position and height, for a virtualised table.

use web_sys::Element;
use yew::prelude::*;

/// The box's `(scrollTop, clientHeight)` in CSS pixels, its node and its scroll listener.
pub struct Viewport {
    /// Scrolled this far from the top.
    pub scroll_top: f64,
    /// The visible height.
    pub height: f64,
    /// Attach to the scrolling box (`ref`).
    pub node: NodeRef,
    /// Attach to the scrolling box (`onscroll`).
    pub onscroll: Callback<Event>,
}

/// Follows a scrolling box. The height starts from the window's, an upper bound, so that the
/// first render fills the box.
#[hook]
pub fn use_viewport() -> Viewport {
    let node = use_node_ref();
    let viewport = use_state(|| {
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        (0.0, height)
    });
    let onscroll = {
        let viewport = viewport.clone();
        let node = node.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = node.cast::<Element>() {
                let next = (f64::from(el.scroll_top()), f64::from(el.client_height()));
                if next != *viewport {
                    viewport.set(next);
                }
            }
        })
    };
    Viewport {
        scroll_top: viewport.0,
        height: viewport.1,
        node,
        onscroll,
    }
}
