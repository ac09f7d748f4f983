"""The Streamlit pages of the workbench: widgets, layout and session state over the service."""
