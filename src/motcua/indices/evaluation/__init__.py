"""The evaluation of TTHC handling of Circular 01/2018/TT-VPCP Arts. 13–15: nine indices,
officers' and agencies' scores and grades."""
