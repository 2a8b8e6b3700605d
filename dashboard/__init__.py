"""The Streamlit dashboard's panels (issue #4); app.py assembles them."""
